-- node-pg-migrate 9.0.0: 049_set-type-attribute up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TYPE "address" ALTER ATTRIBUTE "number" SET DATA TYPE bigint;
-- @step
ALTER TYPE "address" ALTER ATTRIBUTE "street" SET DATA TYPE text;
