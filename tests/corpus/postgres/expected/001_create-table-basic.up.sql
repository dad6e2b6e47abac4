-- node-pg-migrate 9.0.0: 001_create-table-basic up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "users" (
  "id" serial PRIMARY KEY,
  "name" varchar(100) NOT NULL,
  "email" text UNIQUE,
  "created_at" timestamp DEFAULT current_timestamp NOT NULL
);
