-- node-pg-migrate 9.0.0: 097_create-policy down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP POLICY IF EXISTS "items_read" ON "app"."items";
-- @step
DROP POLICY "users_own" ON "users";
-- @step
DROP POLICY "users_all" ON "users";
