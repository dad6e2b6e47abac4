-- node-pg-migrate 9.0.0: 001_create-table-basic down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "users";
