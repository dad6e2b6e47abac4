-- node-pg-migrate 9.0.0: 131_shorthands-chain down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "sh_chain";
