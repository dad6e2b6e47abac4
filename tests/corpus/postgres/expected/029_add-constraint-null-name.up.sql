-- node-pg-migrate 9.0.0: 029_add-constraint-null-name up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "orders"
  ADD CONSTRAINT "orders_chck" CHECK (b > a),
  ADD CONSTRAINT "orders_uniq_c" UNIQUE ("c"),
  ADD CONSTRAINT "orders_pkey" PRIMARY KEY ("id");
