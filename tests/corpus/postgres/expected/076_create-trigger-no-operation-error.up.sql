-- node-pg-migrate 9.0.0: 076_create-trigger-no-operation-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
"operation" (INSERT/UPDATE[ OF ...]/DELETE/TRUNCATE) have to be specified
