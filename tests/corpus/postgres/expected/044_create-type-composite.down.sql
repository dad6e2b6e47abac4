-- node-pg-migrate 9.0.0: 044_create-type-composite down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TYPE "address";
