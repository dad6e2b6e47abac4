-- node-pg-migrate 9.0.0: 168_like-literal down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "like_excl";
-- @step
DROP TABLE "like_lit";
