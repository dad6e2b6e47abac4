-- node-pg-migrate 9.0.0: 007_create-table-options up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TEMPORARY TABLE IF NOT EXISTS "tmp_things" (
  "x" integer
);
-- @step
CREATE TABLE "child" (
  "extra" text
) INHERITS ("parent");
COMMENT ON TABLE "child" IS $pga$a child table$pga$;
-- @step
CREATE TABLE "copy1" (
  LIKE "users"
);
-- @step
CREATE TABLE "copy2" (
  "more" text,
  LIKE "app"."users" INCLUDING DEFAULTS INCLUDING INDEXES EXCLUDING COMMENTS
);
-- @step
CREATE TABLE "copy3" (
  "more" text,
  LIKE "users"
);
