-- node-pg-migrate 9.0.0: 021_add-columns-options up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users"
  ADD IF NOT EXISTS "flag" boolean,
  ADD IF NOT EXISTS "note" text;
COMMENT ON COLUMN "users"."note" IS NULL;
