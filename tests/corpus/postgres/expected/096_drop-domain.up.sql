-- node-pg-migrate 9.0.0: 096_drop-domain up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP DOMAIN "pos_int";
-- @step
DROP DOMAIN IF EXISTS "app"."email" CASCADE;
