-- node-pg-migrate 9.0.0: 150_esm-form up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "esm_form" (
  "id" serial PRIMARY KEY,
  "v" integer DEFAULT 1
);
