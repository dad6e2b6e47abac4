-- node-pg-migrate 9.0.0: 124_operator-params-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
Operator can't have more than 2 parameters
