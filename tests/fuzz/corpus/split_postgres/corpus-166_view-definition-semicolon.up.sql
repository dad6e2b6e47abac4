-- node-pg-migrate 9.0.0: 166_view-definition-semicolon up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE OR REPLACE VIEW "vsemi" AS SELECT 1;;
-- @step
CREATE MATERIALIZED VIEW "mvsemi" AS SELECT 1;;
