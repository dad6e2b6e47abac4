-- node-pg-migrate 9.0.0: 110_grant-on-tables up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
GRANT SELECT, INSERT ON "users", "app"."items" TO "alice", PUBLIC;
-- @step
GRANT ALL ON ALL TABLES IN SCHEMA "app" TO "admin" WITH GRANT OPTION;
