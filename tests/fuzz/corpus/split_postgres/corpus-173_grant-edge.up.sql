-- node-pg-migrate 9.0.0: 173_grant-edge up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
GRANT "x"."r" TO "a", "b";
-- @step
GRANT SELECT ON ALL TABLES IN SCHEMA "app" TO PUBLIC;
