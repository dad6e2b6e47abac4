-- node-pg-migrate 9.0.0: 093_create-domain-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
"notNull" and "check" can't be specified together
