-- node-pg-migrate 9.0.0: 073_create-trigger-constraint down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TRIGGER "orders_check2" ON "orders";
-- @step
DROP TRIGGER "orders_check" ON "orders";
