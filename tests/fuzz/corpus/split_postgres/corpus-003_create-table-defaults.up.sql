-- node-pg-migrate 9.0.0: 003_create-table-defaults up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "defaults" (
  "s" text DEFAULT $pga$plain$pga$,
  "q" text DEFAULT $pga$it's$pga$,
  "d" text DEFAULT $pgb$has $pga$ inside$pgb$,
  "d2" text DEFAULT $pgc$$pga$ and $pgb$$pgc$,
  "e" text DEFAULT $pga$$pga$,
  "n" integer DEFAULT 42,
  "neg" integer DEFAULT -5,
  "f" real DEFAULT 0.5,
  "big" numeric DEFAULT 1e+21,
  "t" boolean DEFAULT true,
  "fa" boolean DEFAULT false,
  "nul" text DEFAULT NULL,
  "arr" integer[] DEFAULT ARRAY[1,2,3],
  "nested" integer[][] DEFAULT ARRAY[[1,2],[3,4]],
  "sarr" text[] DEFAULT ARRAY[$pga$a$pga$,$pga$b$pga$],
  "fn" uuid DEFAULT gen_random_uuid()
);
