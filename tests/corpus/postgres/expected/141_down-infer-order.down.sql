-- node-pg-migrate 9.0.0: 141_down-infer-order down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TRIGGER "ordered_trg" ON "ordered";
DROP FUNCTION "ordered_trg"();
-- @step
ALTER TABLE "ordered" RENAME "d" TO "c";
-- @step
DROP EXTENSION "ext_two";
-- @step
DROP EXTENSION "ext_one";
-- @step
DROP INDEX "ordered_a_b_index";
-- @step
ALTER TABLE "ordered"
  DROP "b",
  DROP "c";
-- @step
DROP TABLE "ordered";
