-- node-pg-migrate 9.0.0: 047_type-attributes down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TYPE "address" RENAME ATTRIBUTE "town" TO "city";
-- @step
ALTER TYPE "address" DROP ATTRIBUTE "country";
-- @step
ALTER TYPE "address" DROP ATTRIBUTE "zip";
