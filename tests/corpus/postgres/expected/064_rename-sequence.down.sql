-- node-pg-migrate 9.0.0: 064_rename-sequence down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER SEQUENCE "seq_every" RENAME TO "seq_all";
