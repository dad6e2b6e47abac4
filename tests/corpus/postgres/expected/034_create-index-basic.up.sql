-- node-pg-migrate 9.0.0: 034_create-index-basic up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE INDEX "users_email_index" ON "users" ("email");
-- @step
CREATE UNIQUE INDEX "users_full_name_email_unique_index" ON "users" ("full_name", "email");
-- @step
CREATE INDEX IF NOT EXISTS "users_age_idx" ON "users" USING btree ("age") WHERE age > 18;
-- @step
CREATE UNIQUE INDEX "users_cover" ON "users" ("email") INCLUDE ("full_name", "age");
-- @step
CREATE INDEX "users_created_at_index" ON "users" ("created_at") INCLUDE ("email");
