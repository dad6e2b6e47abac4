-- node-pg-migrate 9.0.0: 012_create-table-temp-unlogged-error down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "bad";
