-- node-pg-migrate 9.0.0: 104_rename-role up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER ROLE "reader" RENAME TO "viewer";
