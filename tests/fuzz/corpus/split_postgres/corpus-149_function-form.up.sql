-- node-pg-migrate 9.0.0: 149_function-form up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "fn_form" (
  "id" serial PRIMARY KEY
);
