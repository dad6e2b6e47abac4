-- node-pg-migrate 9.0.0: 020_add-columns down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users"
  DROP "nickname";
-- @step
ALTER TABLE "users"
  DROP "bio",
  DROP "age";
