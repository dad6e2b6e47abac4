-- node-pg-migrate 9.0.0: 186_static-sibling-import up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "rw_sib_orders" RENAME CONSTRAINT "rw_sib_amount_positive" TO "rw_sib_amount_positive_v2";
