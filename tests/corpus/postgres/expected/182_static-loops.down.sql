-- node-pg-migrate 9.0.0: 182_static-loops down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TRIGGER IF EXISTS "update_rw_loop_products_updated_at" ON "rw_loop_products";
-- @step
DROP TRIGGER IF EXISTS "update_rw_loop_categories_updated_at" ON "rw_loop_categories";
-- @step
DROP FUNCTION IF EXISTS "rw_loop_touch"();
-- @step
DROP TABLE "rw_loop_categories";
-- @step
DROP TABLE "rw_loop_products";
