-- node-pg-migrate 9.0.0: 102_create-role down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP ROLE "legacy";
-- @step
DROP ROLE "admin";
-- @step
DROP ROLE "reader";
