-- node-pg-migrate 9.0.0: 110_grant-on-tables down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
REVOKE ALL ON ALL TABLES IN SCHEMA "app" FROM "admin";
-- @step
REVOKE SELECT, INSERT ON "users", "app"."items" FROM "alice", PUBLIC;
