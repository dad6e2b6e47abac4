-- node-pg-migrate 9.0.0: 115_create-operator-prefix up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE OPERATOR ~~~ (PROCEDURE = "int_neg", RIGHTARG = "int4");
