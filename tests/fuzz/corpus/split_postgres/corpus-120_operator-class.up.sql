-- node-pg-migrate 9.0.0: 120_operator-class up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE OPERATOR CLASS "my_ops" DEFAULT FOR TYPE "int4" USING "btree" FAMILY my_family AS
  OPERATOR 1 "<",
  OPERATOR 3 "="(int4, int4),
  FUNCTION 1 "btint4cmp"(int4, int4);
-- @step
CREATE OPERATOR CLASS "plain_ops" FOR TYPE "integer" USING "hash" AS
  FUNCTION 1 "hashint4"(int4);
-- @step
ALTER OPERATOR CLASS "plain_ops" USING hash RENAME TO "plain_ops2";
