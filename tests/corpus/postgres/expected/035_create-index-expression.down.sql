-- node-pg-migrate 9.0.0: 035_create-index-expression down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP INDEX "users_email_index";
-- @step
DROP INDEX "users_public.dotted_index";
-- @step
DROP INDEX "users_with space_index";
-- @step
DROP INDEX "users_lower_desc";
-- @step
DROP INDEX "users_email_age_index";
-- @step
DROP INDEX "users_lower_name";
-- @step
DROP INDEX "events_(status = true)_index";
-- @step
DROP INDEX "events_(a + b)_index";
-- @step
DROP INDEX "events_(body->>'kind')_index";
-- @step
DROP INDEX "users_(lower(email))_index";
