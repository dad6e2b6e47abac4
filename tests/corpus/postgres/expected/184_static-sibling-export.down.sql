-- node-pg-migrate 9.0.0: 184_static-sibling-export down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "rw_sib_orders" DROP CONSTRAINT "rw_sib_amount_positive";
-- @step
DROP TABLE "rw_sib_orders";
