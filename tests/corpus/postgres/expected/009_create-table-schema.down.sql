-- node-pg-migrate 9.0.0: 009_create-table-schema down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "app"."items";
