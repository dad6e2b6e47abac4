-- node-pg-migrate 9.0.0: 154_undefined-values up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "undef" (
  "a" text
);
-- @step
SELECT ;
