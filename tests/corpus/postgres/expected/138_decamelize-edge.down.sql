-- node-pg-migrate 9.0.0: 138_decamelize-edge down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "a";
