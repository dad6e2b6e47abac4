-- node-pg-migrate 9.0.0: 140_down-false down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
User has disabled down migration on file: 140_down-false
