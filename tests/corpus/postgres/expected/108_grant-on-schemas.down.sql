-- node-pg-migrate 9.0.0: 108_grant-on-schemas down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
REVOKE USAGE, CREATE ON SCHEMA "app", "reports" FROM "alice", PUBLIC;
-- @step
REVOKE USAGE ON SCHEMA "app" FROM PUBLIC;
