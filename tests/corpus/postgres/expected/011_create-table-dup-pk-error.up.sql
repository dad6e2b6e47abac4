-- node-pg-migrate 9.0.0: 011_create-table-dup-pk-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
There is duplicate constraint definition in table and columns options: primaryKey
