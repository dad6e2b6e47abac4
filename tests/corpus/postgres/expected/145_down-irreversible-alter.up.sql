-- node-pg-migrate 9.0.0: 145_down-irreversible-alter up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users"
  ALTER "email" SET NOT NULL;
