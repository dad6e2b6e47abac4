-- node-pg-migrate 9.0.0: 036_create-index-concurrently down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP INDEX CONCURRENTLY "users_age_email_unique_index";
-- @step
DROP INDEX CONCURRENTLY "users_full_name_index";
