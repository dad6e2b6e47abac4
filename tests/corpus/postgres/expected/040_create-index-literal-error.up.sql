-- node-pg-migrate 9.0.0: 040_create-index-literal-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
Index name must be provided when using PgLiteral columns (column #2: lower(full_name))
