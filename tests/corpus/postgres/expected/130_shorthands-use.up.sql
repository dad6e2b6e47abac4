-- node-pg-migrate 9.0.0: 130_shorthands-use up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "sh_posts" (
  "id" serial PRIMARY KEY,
  "created" timestamp DEFAULT current_timestamp NOT NULL,
  "n" integer,
  "author" integer NOT NULL REFERENCES "sh_users" ON DELETE CASCADE
);
-- @step
ALTER TABLE "sh_posts"
  ADD "seen" timestamp DEFAULT current_timestamp NOT NULL;
