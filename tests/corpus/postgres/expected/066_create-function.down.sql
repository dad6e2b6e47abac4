-- node-pg-migrate 9.0.0: 066_create-function down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP FUNCTION "rank_it"();
-- @step
DROP FUNCTION "add_numbers"(integer, "b" integer, OUT "result" integer);
