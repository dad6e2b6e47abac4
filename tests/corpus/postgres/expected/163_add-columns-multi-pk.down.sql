-- node-pg-migrate 9.0.0: 163_add-columns-multi-pk down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users"
  DROP "k1",
  DROP "k2";
