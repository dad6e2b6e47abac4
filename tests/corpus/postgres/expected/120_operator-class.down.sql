-- node-pg-migrate 9.0.0: 120_operator-class down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER OPERATOR CLASS "plain_ops2" USING hash RENAME TO "plain_ops";
-- @step
DROP OPERATOR CLASS "plain_ops" USING hash;
-- @step
DROP OPERATOR CLASS "my_ops" USING btree;
