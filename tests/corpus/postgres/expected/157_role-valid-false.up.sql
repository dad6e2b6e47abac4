-- node-pg-migrate 9.0.0: 157_role-valid-false up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE ROLE "temp_role" WITH NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT LOGIN NOREPLICATION VALID UNTIL 'infinity';
