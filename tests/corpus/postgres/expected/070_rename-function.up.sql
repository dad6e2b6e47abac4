-- node-pg-migrate 9.0.0: 070_rename-function up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER FUNCTION "add_numbers"(integer, "b" integer) RENAME TO "sum_numbers";
-- @step
ALTER FUNCTION "no_args"() RENAME TO "app"."no_args2";
