-- node-pg-migrate 9.0.0: 037_create-index-schema up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE INDEX "items_title_index" ON "app"."items" ("title");
-- @step
CREATE UNIQUE INDEX "items_title_id" ON "app"."items" ("title", "id");
