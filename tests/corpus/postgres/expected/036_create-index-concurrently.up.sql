-- node-pg-migrate 9.0.0: 036_create-index-concurrently up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE INDEX CONCURRENTLY "users_full_name_index" ON "users" ("full_name");
-- @step
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "users_age_email_unique_index" ON "users" ("age", "email");
