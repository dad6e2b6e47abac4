-- node-pg-migrate 9.0.0: 115_create-operator-prefix down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP OPERATOR ~~~("none", "int4");
