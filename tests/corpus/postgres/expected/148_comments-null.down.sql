-- node-pg-migrate 9.0.0: 148_comments-null down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "cn";
