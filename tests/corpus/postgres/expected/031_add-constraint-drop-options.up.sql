-- node-pg-migrate 9.0.0: 031_add-constraint-drop-options up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "orders"
  ADD CONSTRAINT "orders_chk2" CHECK (c > 0);
