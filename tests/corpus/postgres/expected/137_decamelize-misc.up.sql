-- node-pg-migrate 9.0.0: 137_decamelize-misc up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "my_table" RENAME "created_at" TO "inserted_at";
-- @step
CREATE SCHEMA "my_schema";
-- @step
CREATE FUNCTION "my_schema"."do_thing"("input_value" integer)
  RETURNS void
  AS $pga$SELECT 1$pga$
  VOLATILE
  LANGUAGE sql;
-- @step
SELECT "user_id" FROM "my_schema"."my_table";
-- @step
ALTER TABLE "my_table"
  ADD CONSTRAINT "my_constraint" CHECK (true);
-- @step
CREATE EXTENSION "uuid_ossp";
-- @step
CREATE TRIGGER "my_trigger"
  AFTER INSERT ON "my_table"
  FOR EACH STATEMENT
  EXECUTE PROCEDURE "my_function"();
