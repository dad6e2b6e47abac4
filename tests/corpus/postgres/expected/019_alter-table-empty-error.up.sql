-- node-pg-migrate 9.0.0: 019_alter-table-empty-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
No table options provided for alterTable
