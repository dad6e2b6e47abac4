-- node-pg-migrate 9.0.0: 002_create-table-types down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "kinds";
