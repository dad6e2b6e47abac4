-- node-pg-migrate 9.0.0: 008_create-table-unlogged-partition down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "cities";
-- @step
DROP TABLE "measurements";
-- @step
DROP TABLE "fast";
