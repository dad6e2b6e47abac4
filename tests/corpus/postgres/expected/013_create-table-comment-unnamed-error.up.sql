-- node-pg-migrate 9.0.0: 013_create-table-comment-unnamed-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
cannot comment on unspecified constraints
