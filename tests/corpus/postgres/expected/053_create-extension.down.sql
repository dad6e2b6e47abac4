-- node-pg-migrate 9.0.0: 053_create-extension down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP EXTENSION "hstore";
-- @step
DROP EXTENSION "pgcrypto";
-- @step
DROP EXTENSION "uuid-ossp";
-- @step
DROP EXTENSION "citext";
