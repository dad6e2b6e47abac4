-- node-pg-migrate 9.0.0: 183_static-helpers up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "public"."rw_helper_owner" (
  "id" serial PRIMARY KEY,
  "name" text,
  "created_at" timestamptz(3) DEFAULT $pga$now()$pga$ NOT NULL,
  "updated_at" timestamptz(3) DEFAULT $pga$now()$pga$ NOT NULL
);
-- @step
CREATE TABLE "public"."rw_helper_pet" (
  "id" serial PRIMARY KEY,
  "owner_id" integer NOT NULL REFERENCES "rw_helper_owner" ON DELETE CASCADE,
  "nickname" text,
  "created_at" timestamptz(3) DEFAULT $pga$now()$pga$ NOT NULL,
  "updated_at" timestamptz(3) DEFAULT $pga$now()$pga$ NOT NULL
);
-- @step
CREATE INDEX "rw_helper_pet_owner_idx" ON "rw_helper_pet" ("owner_id");
-- @step
COMMENT ON TABLE "rw_helper_pet" IS 'Stores pets of owners';
-- @step
SELECT 6 AS xxn, 13;
