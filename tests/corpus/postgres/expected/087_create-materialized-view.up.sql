-- node-pg-migrate 9.0.0: 087_create-materialized-view up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE MATERIALIZED VIEW "user_stats" AS SELECT count(*) AS n FROM users;
-- @step
CREATE MATERIALIZED VIEW IF NOT EXISTS "app"."item_stats"("n", "m") WITH (fillfactor = 70, autovacuum_enabled) TABLESPACE "pg_default" AS SELECT count(*), max(id) FROM app.items WITH NO DATA;
-- @step
CREATE MATERIALIZED VIEW "user_stats2" AS SELECT 1 WITH DATA;
