-- node-pg-migrate 9.0.0: 037_create-index-schema down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP INDEX "app"."items_title_id";
-- @step
DROP INDEX "app"."items_title_index";
