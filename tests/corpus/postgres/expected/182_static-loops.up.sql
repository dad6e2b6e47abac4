-- node-pg-migrate 9.0.0: 182_static-loops up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "rw_loop_products" (
  "id" serial PRIMARY KEY,
  "name" text NOT NULL,
  "updated_at" timestamp DEFAULT current_timestamp NOT NULL
);
-- @step
CREATE TABLE "rw_loop_categories" (
  "id" serial PRIMARY KEY,
  "name" text NOT NULL,
  "updated_at" timestamp DEFAULT current_timestamp NOT NULL
);
-- @step
CREATE OR REPLACE FUNCTION "rw_loop_touch"()
  RETURNS trigger
  AS $pga$
    BEGIN
      NEW.updated_at = CURRENT_TIMESTAMP;
      RETURN NEW;
    END;
    $pga$
  VOLATILE
  LANGUAGE plpgsql;
-- @step
CREATE TRIGGER "update_rw_loop_products_updated_at"
  BEFORE UPDATE ON "rw_loop_products"
  FOR EACH ROW
  EXECUTE PROCEDURE "rw_loop_touch"();
-- @step
CREATE TRIGGER "update_rw_loop_categories_updated_at"
  BEFORE UPDATE ON "rw_loop_categories"
  FOR EACH ROW
  EXECUTE PROCEDURE "rw_loop_touch"();
-- @step
ALTER TABLE "rw_loop_products"
  ADD "slot_1" integer DEFAULT 10;
-- @step
ALTER TABLE "rw_loop_products"
  ADD "slot_3" integer DEFAULT 30;
