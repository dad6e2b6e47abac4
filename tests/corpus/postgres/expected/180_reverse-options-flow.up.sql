-- node-pg-migrate 9.0.0: 180_reverse-options-flow up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE INDEX IF NOT EXISTS "users_x_index" ON "users" ("x");
-- @step
CREATE SCHEMA "rp_schema";
-- @step
CREATE SEQUENCE "rp_seq"
  ;
-- @step
CREATE VIEW "rp_view" AS SELECT 1;
-- @step
CREATE MATERIALIZED VIEW "rp_mv" AS SELECT 1;
-- @step
CREATE POLICY "rp_pol" ON "users" FOR ALL TO PUBLIC;
-- @step
CREATE ROLE "rp_role" WITH NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT NOLOGIN NOREPLICATION;
-- @step
CREATE FUNCTION "rp_fn"("a" integer DEFAULT 1)
  RETURNS void
  AS $pga$SELECT 1$pga$
  VOLATILE
  LANGUAGE sql;
-- @step
CREATE TYPE "rp_type" AS (
"ifExists" boolean
);
-- @step
ALTER TYPE "rp_type" ADD ATTRIBUTE "extra" text;
-- @step
GRANT "a" TO "b";
