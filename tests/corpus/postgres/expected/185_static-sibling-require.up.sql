-- node-pg-migrate 9.0.0: 185_static-sibling-require up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "rw_sib_orders" DROP CONSTRAINT "rw_sib_amount_positive";
-- @step
ALTER TABLE "rw_sib_orders"
  ADD "refund" numeric(12,2);
-- @step
ALTER TABLE "rw_sib_orders"
  ADD CONSTRAINT "rw_sib_amount_positive" CHECK (amount > 0 AND (refund IS NULL OR refund <= amount));
