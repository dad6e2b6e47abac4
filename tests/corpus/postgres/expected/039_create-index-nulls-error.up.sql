-- node-pg-migrate 9.0.0: 039_create-index-nulls-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
The "nulls" option can only be used with unique indexes.
