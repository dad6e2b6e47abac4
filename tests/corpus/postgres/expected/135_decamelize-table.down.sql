-- node-pg-migrate 9.0.0: 135_decamelize-table down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "my_table";
