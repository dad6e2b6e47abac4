-- node-pg-migrate 9.0.0: 056_create-schema up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE SCHEMA "app";
-- @step
CREATE SCHEMA IF NOT EXISTS "reports" AUTHORIZATION CURRENT_USER;
