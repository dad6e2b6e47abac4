-- node-pg-migrate 9.0.0: 066_create-function up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE OR REPLACE FUNCTION "add_numbers"(integer, "b" integer DEFAULT 1, OUT "result" integer)
  RETURNS integer
  AS $pga$BEGIN result := $1 + b; END;$pga$
  IMMUTABLE
  LANGUAGE plpgsql
  SECURITY DEFINER
  RETURNS NULL ON NULL INPUT
  PARALLEL SAFE
  SET "search_path" TO public
  SET "work_mem" FROM CURRENT;
-- @step
CREATE FUNCTION "rank_it"()
  RETURNS bigint
  AS $pga$window_rank$pga$
  VOLATILE
  LANGUAGE internal
  WINDOW;
