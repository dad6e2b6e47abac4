-- node-pg-migrate 9.0.0: 109_revoke-on-schemas up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
REVOKE GRANT OPTION FOR ALL ON SCHEMA "app" FROM "alice" CASCADE;
