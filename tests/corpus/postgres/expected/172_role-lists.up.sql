-- node-pg-migrate 9.0.0: 172_role-lists up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE ROLE "lists" WITH NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT NOLOGIN NOREPLICATION CONNECTION LIMIT 5 ENCRYPTED PASSWORD $pga$$pga$ IN ROLE single ROLE a, b ADMIN boss;
-- @step
ALTER ROLE "lists" WITH NOSUPERUSER INHERIT NOREPLICATION BYPASSRLS ENCRYPTED PASSWORD $pga$p$pga$;
