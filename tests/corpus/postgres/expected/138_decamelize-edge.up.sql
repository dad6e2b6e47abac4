-- node-pg-migrate 9.0.0: 138_decamelize-edge up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "a" (
  "a_b" integer,
  "abc" integer,
  "ab_cd" integer,
  "a1_b" integer,
  "x" integer,
  "already_snake" integer,
  "xml_http_request" integer
);
