-- node-pg-migrate 9.0.0: 016_drop-table up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "old1";
-- @step
DROP TABLE IF EXISTS "old2";
-- @step
DROP TABLE IF EXISTS "app"."old3" CASCADE;
