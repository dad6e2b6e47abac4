-- node-pg-migrate 9.0.0: 088_alter-materialized-view up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER MATERIALIZED VIEW "user_stats"
  CLUSTER ON "user_stats_idx",
  DEPENDS ON EXTENSION "pg_trgm",
  SET (fillfactor = 50),
  RESET (autovacuum_enabled);
-- @step
ALTER MATERIALIZED VIEW "user_stats"
  SET WITHOUT CLUSTER;
-- @step
ALTER MATERIALIZED VIEW "user_stats"
  ;
