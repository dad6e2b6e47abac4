-- node-pg-migrate 9.0.0: 122_operator-family-items down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER OPERATOR FAMILY "my_family" USING btree DROP
  OPERATOR 1 "<"(int4, int8),
  FUNCTION 1 "btint48cmp"(int4, int8);
