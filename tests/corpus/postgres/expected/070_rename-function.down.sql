-- node-pg-migrate 9.0.0: 070_rename-function down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER FUNCTION "app"."no_args2"() RENAME TO "no_args";
-- @step
ALTER FUNCTION "sum_numbers"(integer, "b" integer) RENAME TO "add_numbers";
