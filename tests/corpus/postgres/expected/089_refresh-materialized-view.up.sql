-- node-pg-migrate 9.0.0: 089_refresh-materialized-view up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
REFRESH MATERIALIZED VIEW "user_stats";
-- @step
REFRESH MATERIALIZED VIEW CONCURRENTLY "user_stats" WITH DATA;
-- @step
REFRESH MATERIALIZED VIEW "app"."item_stats" WITH NO DATA;
