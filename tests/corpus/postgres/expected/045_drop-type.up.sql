-- node-pg-migrate 9.0.0: 045_drop-type up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TYPE "mood";
-- @step
DROP TYPE IF EXISTS "app"."quote_kind" CASCADE;
