-- node-pg-migrate 9.0.0: 020_add-columns up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users"
  ADD "bio" text,
  ADD "age" integer DEFAULT 0 NOT NULL CHECK (age >= 0);
COMMENT ON COLUMN "users"."bio" IS $pga$about me$pga$;
-- @step
ALTER TABLE "users"
  ADD IF NOT EXISTS "nickname" text;
