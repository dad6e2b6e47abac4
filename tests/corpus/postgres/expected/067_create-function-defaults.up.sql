-- node-pg-migrate 9.0.0: 067_create-function-defaults up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE FUNCTION "app"."touch"("ts" timestamp DEFAULT now(), "label" text DEFAULT $pga$it's$pga$)
  RETURNS void
  AS $pgb$SELECT 1 -- has $pga$ inside$pgb$
  LANGUAGE sql;
