-- node-pg-migrate 9.0.0: 032_drop-constraint up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "orders" DROP CONSTRAINT "orders_chk";
-- @step
ALTER TABLE "orders" DROP CONSTRAINT IF EXISTS "orders_ab" CASCADE;
-- @step
ALTER TABLE IF EXISTS "app"."items" DROP CONSTRAINT "items_excl";
