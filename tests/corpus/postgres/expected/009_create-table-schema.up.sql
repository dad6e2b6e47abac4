-- node-pg-migrate 9.0.0: 009_create-table-schema up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "app"."items" (
  "id" serial PRIMARY KEY,
  "label" text,
  "owner_id" integer CONSTRAINT "[object Object]_fk_owner_id" REFERENCES "app"."owners",
  CONSTRAINT "items_chck" CHECK (id > 0)
);
COMMENT ON COLUMN "app"."items"."label" IS $pga$the label$pga$;
COMMENT ON CONSTRAINT "[object Object]_fk_owner_id" ON "app"."items" IS $pga$owner$pga$;
COMMENT ON TABLE "app"."items" IS $pga$items in app$pga$;
