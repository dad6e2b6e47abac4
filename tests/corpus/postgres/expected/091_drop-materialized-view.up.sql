-- node-pg-migrate 9.0.0: 091_drop-materialized-view up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP MATERIALIZED VIEW IF EXISTS "user_counts" CASCADE;
-- @step
DROP MATERIALIZED VIEW "app"."item_stats";
