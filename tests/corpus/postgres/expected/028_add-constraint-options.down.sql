-- node-pg-migrate 9.0.0: 028_add-constraint-options down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "orders" DROP CONSTRAINT "orders_many";
-- @step
ALTER TABLE "app"."items" DROP CONSTRAINT "items_excl";
-- @step
ALTER TABLE "orders" DROP CONSTRAINT "orders_pk";
-- @step
ALTER TABLE "orders" DROP CONSTRAINT "orders_fk";
-- @step
ALTER TABLE "orders" DROP CONSTRAINT "orders_ab";
-- @step
ALTER TABLE "orders" DROP CONSTRAINT "orders_chk";
