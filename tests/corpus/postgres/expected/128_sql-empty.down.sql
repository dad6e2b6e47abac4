-- node-pg-migrate 9.0.0: 128_sql-empty down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
Impossible to automatically infer down migration for "pgm.()"
