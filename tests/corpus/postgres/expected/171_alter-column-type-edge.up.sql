-- node-pg-migrate 9.0.0: 171_alter-column-type-edge up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users"
  ALTER "age" SET DATA TYPE integer USING age::integer;
-- @step
ALTER TABLE "users"
  ALTER "email" SET NOT NULL;
-- @step

