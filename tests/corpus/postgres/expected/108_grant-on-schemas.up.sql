-- node-pg-migrate 9.0.0: 108_grant-on-schemas up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
GRANT USAGE ON SCHEMA "app" TO PUBLIC;
-- @step
GRANT USAGE, CREATE ON SCHEMA "app", "reports" TO "alice", PUBLIC WITH GRANT OPTION;
