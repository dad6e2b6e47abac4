-- node-pg-migrate 9.0.0: 141_down-infer-order up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "ordered" (
  "id" serial PRIMARY KEY,
  "a" integer
);
-- @step
ALTER TABLE "ordered"
  ADD "b" text,
  ADD "c" text;
-- @step
CREATE INDEX "ordered_a_b_index" ON "ordered" ("a", "b");
-- @step
CREATE EXTENSION "ext_one";
-- @step
CREATE EXTENSION "ext_two";
-- @step
ALTER TABLE "ordered" RENAME "c" TO "d";
-- @step
CREATE FUNCTION "ordered_trg"()
  RETURNS trigger
  AS $pga$BEGIN RETURN NULL; END;$pga$
  VOLATILE
  LANGUAGE plpgsql;
CREATE TRIGGER "ordered_trg"
  AFTER INSERT ON "ordered"
  FOR EACH STATEMENT
  EXECUTE PROCEDURE "ordered_trg"();
