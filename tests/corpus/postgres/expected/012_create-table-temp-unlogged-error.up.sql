-- node-pg-migrate 9.0.0: 012_create-table-temp-unlogged-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
TEMPORARY and UNLOGGED cannot be used together.
