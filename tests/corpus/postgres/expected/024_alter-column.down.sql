-- node-pg-migrate 9.0.0: 024_alter-column down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users"
  ALTER "email" DROP DEFAULT;
