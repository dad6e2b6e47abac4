-- node-pg-migrate 9.0.0: 038_create-index-nulls up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE UNIQUE INDEX "users_email_unique_index" ON "users" ("email") NULLS NOT DISTINCT;
-- @step
CREATE UNIQUE INDEX "users_full_name_unique_index" ON "users" ("full_name") NULLS DISTINCT WHERE age IS NOT NULL;
