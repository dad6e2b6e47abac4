-- node-pg-migrate 9.0.0: 022_drop-columns up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users"
  DROP "bio";
-- @step
ALTER TABLE "users"
  DROP IF EXISTS "age",
  DROP IF EXISTS "nickname";
-- @step
ALTER TABLE "users"
  DROP "flag" CASCADE,
  DROP "note" CASCADE;
-- @step
ALTER TABLE "app"."items"
  DROP IF EXISTS "label" CASCADE;
