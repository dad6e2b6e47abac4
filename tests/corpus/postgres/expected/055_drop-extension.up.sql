-- node-pg-migrate 9.0.0: 055_drop-extension up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP EXTENSION "citext";
-- @step
DROP EXTENSION IF EXISTS "uuid-ossp" CASCADE;
-- @step
DROP EXTENSION IF EXISTS "pgcrypto" CASCADE;
