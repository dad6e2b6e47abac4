-- node-pg-migrate 9.0.0: 116_create-operator-symbol down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP OPERATOR (<@>)("point", "point");
