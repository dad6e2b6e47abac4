-- node-pg-migrate 9.0.0: 092_create-domain down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP DOMAIN "nullable_int";
-- @step
DROP DOMAIN "plain_text";
-- @step
DROP DOMAIN IF EXISTS "app"."email" CASCADE;
-- @step
DROP DOMAIN "positive_int";
