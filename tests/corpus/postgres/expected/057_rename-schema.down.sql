-- node-pg-migrate 9.0.0: 057_rename-schema down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER SCHEMA "analytics" RENAME TO "reports";
