-- node-pg-migrate 9.0.0: 176_check-multiline down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "ml";
