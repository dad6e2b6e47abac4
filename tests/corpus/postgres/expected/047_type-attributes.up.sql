-- node-pg-migrate 9.0.0: 047_type-attributes up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TYPE "address" ADD ATTRIBUTE "zip" text;
-- @step
ALTER TYPE "address" ADD ATTRIBUTE "country" varchar(2);
-- @step
ALTER TYPE "address" RENAME ATTRIBUTE "city" TO "town";
