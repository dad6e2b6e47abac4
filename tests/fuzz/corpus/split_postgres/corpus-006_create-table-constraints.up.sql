-- node-pg-migrate 9.0.0: 006_create-table-constraints up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "orders" (
  "id" serial PRIMARY KEY,
  "a" integer,
  "b" integer,
  "c" integer,
  "customer_id" integer,
  "region" text,
  "period" tstzrange,
  CONSTRAINT "orders_chck" CHECK (a > 0),
  CONSTRAINT "orders_uniq_a_b" UNIQUE ("a", "b"),
  CONSTRAINT "orders_fk_customer_id" FOREIGN KEY ("customer_id") REFERENCES customers(id) ON DELETE RESTRICT,
  CONSTRAINT "orders_excl" EXCLUDE USING gist (region WITH =, period WITH &&)
);
-- @step
CREATE TABLE "order_lines" (
  "order_id" integer,
  "line" integer,
  "a" integer,
  "b" integer,
  CONSTRAINT "order_lines_chck_1" CHECK (a > 0) DEFERRABLE INITIALLY IMMEDIATE,
  CONSTRAINT "order_lines_chck_2" CHECK (b > 0) DEFERRABLE INITIALLY IMMEDIATE,
  CONSTRAINT "order_lines_chck_3" CHECK (a < b) DEFERRABLE INITIALLY IMMEDIATE,
  CONSTRAINT "order_lines_uniq_a_b" UNIQUE ("a", "b") DEFERRABLE INITIALLY IMMEDIATE,
  CONSTRAINT "order_lines_uniq_line" UNIQUE ("line") DEFERRABLE INITIALLY IMMEDIATE,
  CONSTRAINT "order_lines_pkey" PRIMARY KEY ("order_id", "line") DEFERRABLE INITIALLY IMMEDIATE,
  CONSTRAINT "order_lines_order" FOREIGN KEY ("order_id") REFERENCES "orders" DEFERRABLE INITIALLY IMMEDIATE,
  CONSTRAINT "order_lines_fk_a_b" FOREIGN KEY ("a", "b") REFERENCES pairs(a, b) MATCH SIMPLE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE
);
COMMENT ON CONSTRAINT "order_lines_order" ON "order_lines" IS $pga$the order$pga$;
-- @step
CREATE TABLE "order_notes" (
  "note" text,
  CONSTRAINT "order_notes_uniq_note" UNIQUE ("note") DEFERRABLE INITIALLY DEFERRED
);
