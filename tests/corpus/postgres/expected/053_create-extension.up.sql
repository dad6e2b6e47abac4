-- node-pg-migrate 9.0.0: 053_create-extension up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE EXTENSION "citext";
-- @step
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" SCHEMA "public";
-- @step
CREATE EXTENSION IF NOT EXISTS "pgcrypto" SCHEMA "public";
-- @step
CREATE EXTENSION IF NOT EXISTS "hstore";
