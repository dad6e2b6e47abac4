-- node-pg-migrate 9.0.0: 064_rename-sequence up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER SEQUENCE "seq_all" RENAME TO "seq_every";
