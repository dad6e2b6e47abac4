-- node-pg-migrate 9.0.0: 133_shorthands-elsewhere up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TYPE "sh_pair" AS (
"left" integer,
"right" timestamp
);
-- @step
CREATE DOMAIN "sh_dom" AS integer CHECK (VALUE > 0);
-- @step
CREATE SEQUENCE "sh_seq"
  AS integer;
-- @step
CREATE FUNCTION "sh_fn"("x" integer, integer)
  RETURNS integer
  AS $pga$SELECT 1$pga$
  VOLATILE
  LANGUAGE sql;
-- @step
ALTER TYPE "sh_pair" ADD ATTRIBUTE "extra" integer;
