-- node-pg-migrate 9.0.0: 083_alter-view-conflict-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
"options.check_option" and "checkOption" can't be specified together
