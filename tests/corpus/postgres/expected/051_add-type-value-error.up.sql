-- node-pg-migrate 9.0.0: 051_add-type-value-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
"before" and "after" can't be specified together
