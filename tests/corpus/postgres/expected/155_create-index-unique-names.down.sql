-- node-pg-migrate 9.0.0: 155_create-index-unique-names down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP INDEX "users_a_index";
-- @step
DROP INDEX "explicit_unique";
