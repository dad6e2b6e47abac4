-- node-pg-migrate 9.0.0: 043_create-type-enum down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TYPE "app"."quote_kind";
-- @step
DROP TYPE "mood";
