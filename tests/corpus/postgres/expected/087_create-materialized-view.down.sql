-- node-pg-migrate 9.0.0: 087_create-materialized-view down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP MATERIALIZED VIEW "user_stats2";
-- @step
DROP MATERIALIZED VIEW "app"."item_stats";
-- @step
DROP MATERIALIZED VIEW "user_stats";
