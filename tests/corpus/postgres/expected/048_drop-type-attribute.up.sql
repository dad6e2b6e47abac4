-- node-pg-migrate 9.0.0: 048_drop-type-attribute up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TYPE "address" DROP ATTRIBUTE "zip";
-- @step
ALTER TYPE "address" DROP ATTRIBUTE "country" IF EXISTS;
