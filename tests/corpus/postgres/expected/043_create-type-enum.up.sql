-- node-pg-migrate 9.0.0: 043_create-type-enum up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TYPE "mood" AS ENUM ($pga$sad$pga$, $pga$ok$pga$, $pga$happy$pga$);
-- @step
CREATE TYPE "app"."quote_kind" AS ENUM ($pga$it's$pga$, $pgb$has $pga$$pgb$, $pga$$pga$);
