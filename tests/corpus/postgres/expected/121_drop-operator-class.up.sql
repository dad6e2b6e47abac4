-- node-pg-migrate 9.0.0: 121_drop-operator-class up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP OPERATOR CLASS IF EXISTS "my_ops" USING btree CASCADE;
-- @step
DROP OPERATOR CLASS "app"."plain_ops2" USING hash;
