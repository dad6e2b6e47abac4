-- node-pg-migrate 9.0.0: 031_add-constraint-drop-options down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "orders" DROP CONSTRAINT IF EXISTS "orders_chk2" CASCADE;
