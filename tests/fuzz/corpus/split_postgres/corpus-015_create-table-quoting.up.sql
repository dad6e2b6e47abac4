-- node-pg-migrate 9.0.0: 015_create-table-quoting up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "we""ird" (
  "col""umn" text,
  "public.dotted" text,
  "camelCase" integer,
  "with space" text
);
-- @step
CREATE TABLE "public.users" (
  "id" serial PRIMARY KEY
);
