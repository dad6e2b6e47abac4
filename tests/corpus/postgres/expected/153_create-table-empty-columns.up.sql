-- node-pg-migrate 9.0.0: 153_create-table-empty-columns up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "empty_cols" (
  
);
