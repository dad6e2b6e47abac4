-- node-pg-migrate 9.0.0: 075_create-trigger-no-when-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
"when" (BEFORE/AFTER/INSTEAD OF) have to be specified
