-- node-pg-migrate 9.0.0: 056_create-schema down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP SCHEMA "reports";
-- @step
DROP SCHEMA "app";
