DROP INDEX "users_lower_email";
CREATE INDEX "users_email_lower" ON "users" ((lower(email)));