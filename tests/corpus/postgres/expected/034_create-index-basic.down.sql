-- node-pg-migrate 9.0.0: 034_create-index-basic down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP INDEX "users_created_at_index";
-- @step
DROP INDEX "users_cover";
-- @step
DROP INDEX "users_age_idx";
-- @step
DROP INDEX "users_full_name_email_unique_index";
-- @step
DROP INDEX "users_email_index";
