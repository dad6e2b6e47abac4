-- node-pg-migrate 9.0.0: 161_custom-types up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "ct" (
  "a" "app"."money2",
  "b" int4,
  "c" mood ARRAY DEFAULT '{}'
);
-- @step
ALTER TABLE "ct"
  ADD "d" "plainType";
