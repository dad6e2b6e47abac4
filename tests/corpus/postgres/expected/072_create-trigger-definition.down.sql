-- node-pg-migrate 9.0.0: 072_create-trigger-definition down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TRIGGER IF EXISTS "users_touch2" ON "users";
DROP FUNCTION IF EXISTS "touch_fn"();
-- @step
DROP TRIGGER "users_touch" ON "users";
DROP FUNCTION "users_touch"();
