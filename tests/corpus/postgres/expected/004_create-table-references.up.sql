-- node-pg-migrate 9.0.0: 004_create-table-references up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "posts" (
  "id" serial PRIMARY KEY,
  "author_id" integer REFERENCES "users" ON DELETE CASCADE,
  "editor_id" integer REFERENCES users(id) MATCH FULL ON UPDATE SET NULL,
  "quoted_id" integer REFERENCES "users",
  "schema_id" integer REFERENCES "app"."owners",
  "named_id" integer CONSTRAINT "posts_named_fk" REFERENCES "users" DEFERRABLE INITIALLY DEFERRED,
  "commented_id" integer CONSTRAINT "posts_fk_commented_id" REFERENCES "users",
  "both_id" integer CONSTRAINT "posts_both" REFERENCES "users" DEFERRABLE INITIALLY IMMEDIATE
);
COMMENT ON CONSTRAINT "posts_fk_commented_id" ON "posts" IS $pga$who commented$pga$;
COMMENT ON CONSTRAINT "posts_both" ON "posts" IS $pga$named and commented$pga$;
