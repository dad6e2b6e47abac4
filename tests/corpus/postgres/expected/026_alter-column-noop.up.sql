-- node-pg-migrate 9.0.0: 026_alter-column-noop up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step

