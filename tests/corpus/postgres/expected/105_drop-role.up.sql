-- node-pg-migrate 9.0.0: 105_drop-role up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP ROLE IF EXISTS "viewer";
-- @step
DROP ROLE "admin";
