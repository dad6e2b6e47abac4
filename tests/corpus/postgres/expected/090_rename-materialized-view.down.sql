-- node-pg-migrate 9.0.0: 090_rename-materialized-view down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER MATERIALIZED VIEW "user_counts" RENAME COLUMN "total" TO "n";
-- @step
ALTER MATERIALIZED VIEW "user_counts" RENAME TO "user_stats";
