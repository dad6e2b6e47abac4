-- node-pg-migrate 9.0.0: 067_create-function-defaults down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP FUNCTION IF EXISTS "app"."touch"("ts" timestamp, "label" text);
