-- node-pg-migrate 9.0.0: 116_create-operator-symbol up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE OPERATOR (<@>) (PROCEDURE = "dist", LEFTARG = "point", RIGHTARG = "point", COMMUTATOR = (<@>));
