-- node-pg-migrate 9.0.0: 003_create-table-defaults down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "defaults";
