-- node-pg-migrate 9.0.0: 176_check-multiline up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "ml" (
  "a" integer CHECK (a > 0     AND a < 10),
  CONSTRAINT "ml_chck" CHECK (a <> 5)
);
