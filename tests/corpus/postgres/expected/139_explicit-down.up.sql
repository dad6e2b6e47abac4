-- node-pg-migrate 9.0.0: 139_explicit-down up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "explicit" (
  "id" serial PRIMARY KEY
);
-- @step
INSERT INTO explicit DEFAULT VALUES;
