-- node-pg-migrate 9.0.0: 010_create-table-identity down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "counters";
