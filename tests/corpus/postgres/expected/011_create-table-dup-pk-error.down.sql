-- node-pg-migrate 9.0.0: 011_create-table-dup-pk-error down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "dup";
