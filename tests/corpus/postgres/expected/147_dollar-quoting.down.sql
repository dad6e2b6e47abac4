-- node-pg-migrate 9.0.0: 147_dollar-quoting down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "dq";
