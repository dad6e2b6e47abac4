-- node-pg-migrate 9.0.0: 136_decamelize-index down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP INDEX "my_index_name";
-- @step
DROP INDEX "my_table_(lower(html_body))_index";
-- @step
DROP INDEX "my_schema"."my_table_html_body_unique_index";
-- @step
DROP INDEX "my_table_user_id_created_at_index";
