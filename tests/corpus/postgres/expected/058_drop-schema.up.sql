-- node-pg-migrate 9.0.0: 058_drop-schema up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP SCHEMA IF EXISTS "analytics" CASCADE;
-- @step
DROP SCHEMA "app";
