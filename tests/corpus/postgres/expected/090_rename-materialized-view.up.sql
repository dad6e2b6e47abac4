-- node-pg-migrate 9.0.0: 090_rename-materialized-view up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER MATERIALIZED VIEW "user_stats" RENAME TO "user_counts";
-- @step
ALTER MATERIALIZED VIEW "user_counts" RENAME COLUMN "n" TO "total";
