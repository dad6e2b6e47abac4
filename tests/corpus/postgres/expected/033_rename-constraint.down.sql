-- node-pg-migrate 9.0.0: 033_rename-constraint down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "orders" RENAME CONSTRAINT "orders_customer_fk" TO "orders_fk";
