-- node-pg-migrate 9.0.0: 077_create-trigger-instead-condition-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
INSTEAD OF trigger can't have condition specified
