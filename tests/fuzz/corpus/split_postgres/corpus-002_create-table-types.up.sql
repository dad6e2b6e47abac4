-- node-pg-migrate 9.0.0: 002_create-table-types up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "kinds" (
  "a" integer,
  "b" text,
  "c" real,
  "d" double precision,
  "e" timestamp,
  "f" boolean,
  "g" INT,
  "h" text ARRAY,
  "i" integer ARRAY[2],
  "j" text COLLATE "C",
  "k" numeric(10, 2) CHECK (k > 0),
  "l" text[]
);
COMMENT ON COLUMN "kinds"."j" IS $pga$the j column$pga$;
