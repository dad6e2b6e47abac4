-- node-pg-migrate 9.0.0: 069_drop-function up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP FUNCTION "add_numbers"(integer, "b" integer);
-- @step
DROP FUNCTION IF EXISTS "app"."touch"() CASCADE;
-- @step
DROP FUNCTION "no_args"();
