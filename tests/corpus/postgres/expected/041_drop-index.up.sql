-- node-pg-migrate 9.0.0: 041_drop-index up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP INDEX "users_email_index";
-- @step
DROP INDEX IF EXISTS "users_full_name_email_unique_index";
-- @step
DROP INDEX "users_age_idx" CASCADE;
-- @step
DROP INDEX CONCURRENTLY "app"."items_title_index";
-- @step
DROP INDEX "app"."items_title_id";
