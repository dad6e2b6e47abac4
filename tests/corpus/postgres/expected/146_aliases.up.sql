-- node-pg-migrate 9.0.0: 146_aliases up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users"
  ADD "alias_col" text;
-- @step
ALTER TABLE "users"
  DROP "alias_col";
-- @step
ALTER TABLE "users"
  ADD CONSTRAINT "users_alias" CHECK (true);
-- @step
CREATE INDEX "users_alias_col_index" ON "users" ("alias_col");
-- @step
CREATE TYPE "alias_type" AS ENUM ($pga$x$pga$);
-- @step
CREATE EXTENSION "alias_ext";
