-- node-pg-migrate 9.0.0: 168_like-literal up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "like_lit" (
  "a" integer,
  LIKE "users"
);
-- @step
CREATE TABLE "like_excl" (
  LIKE "users" INCLUDING ALL EXCLUDING DEFAULTS
);
