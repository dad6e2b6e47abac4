-- node-pg-migrate 9.0.0: 152_ts-shorthands down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "ts_sh";
