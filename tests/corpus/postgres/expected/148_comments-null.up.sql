-- node-pg-migrate 9.0.0: 148_comments-null up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "cn" (
  "a" text,
  "b" text
);
COMMENT ON COLUMN "cn"."a" IS NULL;
COMMENT ON COLUMN "cn"."b" IS $pga$$pga$;
COMMENT ON TABLE "cn" IS NULL;
