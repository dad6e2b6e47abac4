-- node-pg-migrate 9.0.0: 184_static-sibling-export up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "rw_sib_orders" (
  "id" serial PRIMARY KEY,
  "amount" numeric(12,2) NOT NULL
);
-- @step
ALTER TABLE "rw_sib_orders"
  ADD CONSTRAINT "rw_sib_amount_positive" CHECK (amount > 0);
