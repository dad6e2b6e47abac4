-- node-pg-migrate 9.0.0: 057_rename-schema up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER SCHEMA "reports" RENAME TO "analytics";
