-- node-pg-migrate 9.0.0: 181_static-console-log up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "rw_log_users" (
  "id" serial PRIMARY KEY,
  "email" varchar(255) UNIQUE NOT NULL,
  "created_at" timestamptz DEFAULT now() NOT NULL
);
-- @step
ALTER TABLE "rw_log_users"
  ADD "profile_image" text DEFAULT $pga$https://example.com/default.png$pga$ NOT NULL;
