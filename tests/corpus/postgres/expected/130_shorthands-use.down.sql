-- node-pg-migrate 9.0.0: 130_shorthands-use down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "sh_posts"
  DROP "seen";
-- @step
DROP TABLE "sh_posts";
