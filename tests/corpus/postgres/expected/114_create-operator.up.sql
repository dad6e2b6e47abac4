-- node-pg-migrate 9.0.0: 114_create-operator up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE OPERATOR === (PROCEDURE = "int_eq", LEFTARG = "int4", RIGHTARG = "int4", COMMUTATOR = ===, NEGATOR = !==, RESTRICT = "eqsel", JOIN = "eqjoinsel", HASHES, MERGES);
-- @step
CREATE OPERATOR app.## (PROCEDURE = "app"."hash_it", LEFTARG = "text", RIGHTARG = "text");
