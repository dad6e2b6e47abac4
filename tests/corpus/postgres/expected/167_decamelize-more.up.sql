-- node-pg-migrate 9.0.0: 167_decamelize-more up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "my_schema"."some_table" (
  "some_id" integer REFERENCES "other_schema"."ref_table",
  "part_key" text,
  CONSTRAINT "some_table_pkey" PRIMARY KEY ("some_id", "part_key"),
  CONSTRAINT "some_table_excl" EXCLUDE USING gist (someId WITH =)
) PARTITION BY HASH ("part_key");
-- @step
CREATE INDEX "some_table_some_id_index" ON "my_schema"."some_table" ("some_id" "int_ops" DESC);
-- @step
GRANT SELECT ON "my_schema"."some_table" TO "read_only", PUBLIC;
-- @step
DROP INDEX "my_schema"."some_table_some_id_index";
