-- node-pg-migrate 9.0.0: 039_create-index-nulls-error down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP INDEX "users_email_index";
