-- node-pg-migrate 9.0.0: 131_shorthands-chain up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "sh_chain" (
  "a" integer DEFAULT 7 NOT NULL,
  "b" integer DEFAULT 7 NOT NULL CHECK (b > 0),
  "c" integer NOT NULL,
  "d" integer PRIMARY KEY
);
COMMENT ON COLUMN "sh_chain"."a" IS $pga$from sh_b$pga$;
COMMENT ON COLUMN "sh_chain"."b" IS $pga$from sh_b$pga$;
COMMENT ON COLUMN "sh_chain"."c" IS $pga$from sh_b$pga$;
