-- node-pg-migrate 9.0.0: 103_alter-role up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER ROLE "admin" WITH NOLOGIN CONNECTION LIMIT -1 VALID UNTIL $pga$infinity$pga$;
-- @step

-- @step
ALTER ROLE "reader" WITH NOCREATEDB ENCRYPTED PASSWORD NULL;
