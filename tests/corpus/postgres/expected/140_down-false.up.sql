-- node-pg-migrate 9.0.0: 140_down-false up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "no_down" (
  "id" serial PRIMARY KEY
);
