-- node-pg-migrate 9.0.0: 136_decamelize-index up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE INDEX "my_table_user_id_created_at_index" ON "my_table" ("user_id", "created_at");
-- @step
CREATE UNIQUE INDEX "my_table_html_body_unique_index" ON "my_schema"."my_table" ("html_body");
-- @step
CREATE INDEX "my_table_(lower(html_body))_index" ON "my_table" ((lower(HTMLBody)));
-- @step
CREATE INDEX "my_index_name" ON "my_table" ("user_id");
