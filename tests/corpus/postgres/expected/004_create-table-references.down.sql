-- node-pg-migrate 9.0.0: 004_create-table-references down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "posts";
