-- node-pg-migrate 9.0.0: 117_drop-operator down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
Impossible to automatically infer down migration for "pgm._drop()"
