-- node-pg-migrate 9.0.0: 008_create-table-unlogged-partition up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE UNLOGGED TABLE "fast" (
  "x" integer
);
-- @step
CREATE TABLE "measurements" (
  "logdate" date NOT NULL,
  "peak" integer
) PARTITION BY RANGE ("logdate");
-- @step
CREATE TABLE "cities" (
  "name" text,
  "region" text
) PARTITION BY LIST ("name" COLLATE "C" text_pattern_ops, "region");
