-- node-pg-migrate 9.0.0: 166_view-definition-semicolon down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP MATERIALIZED VIEW "mvsemi";
-- @step
DROP VIEW "vsemi";
