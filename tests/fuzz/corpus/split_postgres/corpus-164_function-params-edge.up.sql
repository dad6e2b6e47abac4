-- node-pg-migrate 9.0.0: 164_function-params-edge up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE FUNCTION "fp"(INOUT integer, "n" text DEFAULT NULL, VARIADIC "rest" int[])
  RETURNS int
  AS $pga$SELECT 1$pga$
  VOLATILE
  LANGUAGE sql;
-- @step
DROP FUNCTION "fp"(INOUT integer, "n" text);
