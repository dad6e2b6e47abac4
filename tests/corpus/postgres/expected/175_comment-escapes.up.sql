-- node-pg-migrate 9.0.0: 175_comment-escapes up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "ce" (
  "a" text
);
COMMENT ON COLUMN "ce"."a" IS $pgb$it's $pga$ and
newline$pgb$;
COMMENT ON TABLE "ce" IS $pga$multi
line
  table$pga$;
-- @step
COMMENT ON COLUMN "ce"."a" IS $pga$new 'comment'$pga$;
