-- node-pg-migrate 9.0.0: 038_create-index-nulls down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP INDEX "users_full_name_unique_index";
-- @step
DROP INDEX "users_email_unique_index";
