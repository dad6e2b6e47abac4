-- node-pg-migrate 9.0.0: 044_create-type-composite up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TYPE "address" AS (
"street" text,
"number" integer,
"city" varchar(50),
"pk" serial
);
