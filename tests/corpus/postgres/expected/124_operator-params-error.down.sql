-- node-pg-migrate 9.0.0: 124_operator-params-error down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP OPERATOR CLASS "bad_ops" USING btree;
