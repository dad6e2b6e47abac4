-- node-pg-migrate 9.0.0: 021_add-columns-options down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users"
  DROP IF EXISTS "flag" CASCADE,
  DROP IF EXISTS "note" CASCADE;
