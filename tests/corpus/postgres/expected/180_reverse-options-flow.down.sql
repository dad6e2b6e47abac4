-- node-pg-migrate 9.0.0: 180_reverse-options-flow down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
REVOKE "a" FROM "b" CASCADE;
-- @step
ALTER TYPE "rp_type" DROP ATTRIBUTE "extra" IF EXISTS;
-- @step
DROP TYPE IF EXISTS "rp_type";
-- @step
DROP FUNCTION IF EXISTS "rp_fn"("a" integer) CASCADE;
-- @step
DROP ROLE IF EXISTS "rp_role";
-- @step
DROP POLICY IF EXISTS "rp_pol" ON "users";
-- @step
DROP MATERIALIZED VIEW "rp_mv" CASCADE;
-- @step
DROP VIEW IF EXISTS "rp_view";
-- @step
DROP SEQUENCE IF EXISTS "rp_seq";
-- @step
DROP SCHEMA IF EXISTS "rp_schema" CASCADE;
-- @step
DROP INDEX IF EXISTS "users_x_index" CASCADE;
