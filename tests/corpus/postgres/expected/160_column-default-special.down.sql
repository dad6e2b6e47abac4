-- node-pg-migrate 9.0.0: 160_column-default-special down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users"
  DROP "meta",
  DROP "tags",
  DROP "score";
