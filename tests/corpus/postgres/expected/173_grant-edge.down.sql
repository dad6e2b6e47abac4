-- node-pg-migrate 9.0.0: 173_grant-edge down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
REVOKE SELECT ON ALL TABLES IN SCHEMA "app" FROM PUBLIC;
-- @step
REVOKE "x"."r" FROM "a", "b";
