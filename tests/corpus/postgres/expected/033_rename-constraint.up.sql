-- node-pg-migrate 9.0.0: 033_rename-constraint up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "orders" RENAME CONSTRAINT "orders_fk" TO "orders_customer_fk";
