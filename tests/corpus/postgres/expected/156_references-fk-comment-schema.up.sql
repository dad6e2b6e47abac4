-- node-pg-migrate 9.0.0: 156_references-fk-comment-schema up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "app"."children" (
  "parent_id" integer CONSTRAINT "[object Object]_fk_parent_id" REFERENCES "parents"
);
COMMENT ON CONSTRAINT "[object Object]_fk_parent_id" ON "app"."children" IS $pga$parent link$pga$;
