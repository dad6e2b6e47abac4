-- node-pg-migrate 9.0.0: 142_down-irreversible-sql up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "with_sql" (
  "id" serial PRIMARY KEY
);
-- @step
INSERT INTO with_sql DEFAULT VALUES;
