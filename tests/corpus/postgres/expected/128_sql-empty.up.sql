-- node-pg-migrate 9.0.0: 128_sql-empty up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step

