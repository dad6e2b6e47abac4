-- node-pg-migrate 9.0.0: 078_create-trigger-no-function-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
Can't determine function name
