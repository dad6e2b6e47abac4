-- node-pg-migrate 9.0.0: 153_create-table-empty-columns down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "empty_cols";
