-- node-pg-migrate 9.0.0: 129_shorthands-define up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "sh_users" (
  "id" serial PRIMARY KEY,
  "created" timestamp DEFAULT current_timestamp NOT NULL,
  "updated" timestamp DEFAULT current_timestamp,
  "email" varchar(320) UNIQUE
);
