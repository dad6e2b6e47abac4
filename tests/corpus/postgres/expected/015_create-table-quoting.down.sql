-- node-pg-migrate 9.0.0: 015_create-table-quoting down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "public.users";
-- @step
DROP TABLE "we""ird";
