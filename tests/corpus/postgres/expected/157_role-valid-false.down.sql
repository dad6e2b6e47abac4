-- node-pg-migrate 9.0.0: 157_role-valid-false down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP ROLE "temp_role";
