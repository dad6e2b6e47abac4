-- node-pg-migrate 9.0.0: 027_add-constraint-string up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users"
  ADD CONSTRAINT "users_age_positive" CHECK (age > 0);
-- @step
ALTER TABLE "users"
  ADD UNIQUE (email);
