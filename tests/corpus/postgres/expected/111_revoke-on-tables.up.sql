-- node-pg-migrate 9.0.0: 111_revoke-on-tables up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
REVOKE SELECT ON "users" FROM "alice";
-- @step
REVOKE GRANT OPTION FOR ALL ON ALL TABLES IN SCHEMA "app" FROM "admin", PUBLIC CASCADE;
