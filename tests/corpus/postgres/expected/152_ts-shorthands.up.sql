-- node-pg-migrate 9.0.0: 152_ts-shorthands up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "ts_sh" (
  "id" serial PRIMARY KEY,
  "at" timestamptz DEFAULT now() NOT NULL
);
