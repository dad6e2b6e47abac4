-- node-pg-migrate 9.0.0: 185_static-sibling-require down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "rw_sib_orders" DROP CONSTRAINT "rw_sib_amount_positive";
-- @step
ALTER TABLE "rw_sib_orders"
  DROP "refund";
-- @step
ALTER TABLE "rw_sib_orders"
  ADD CONSTRAINT "rw_sib_amount_positive" CHECK (amount > 0);
