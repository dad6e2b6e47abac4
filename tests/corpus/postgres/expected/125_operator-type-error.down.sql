-- node-pg-migrate 9.0.0: 125_operator-type-error down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
Operator "type" must be either "function" or "operator"
