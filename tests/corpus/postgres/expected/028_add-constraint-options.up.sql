-- node-pg-migrate 9.0.0: 028_add-constraint-options up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "orders"
  ADD CONSTRAINT "orders_chk" CHECK (a > 0);
-- @step
ALTER TABLE "orders"
  ADD CONSTRAINT "orders_ab" UNIQUE ("a", "b") DEFERRABLE INITIALLY IMMEDIATE;
-- @step
ALTER TABLE "orders"
  ADD CONSTRAINT "orders_fk" FOREIGN KEY ("customer_id") REFERENCES "customers" ON DELETE CASCADE;
-- @step
ALTER TABLE "orders"
  ADD CONSTRAINT "orders_pk" PRIMARY KEY ("id");
COMMENT ON CONSTRAINT "orders_pk" ON "orders" IS $pga$the key$pga$;
-- @step
ALTER TABLE "app"."items"
  ADD CONSTRAINT "items_excl" EXCLUDE USING gist (id WITH =);
-- @step
ALTER TABLE "orders"
  ADD CONSTRAINT "orders_many" CHECK (a > 0),
  ADD CONSTRAINT "orders_many" CHECK (b > 0);
