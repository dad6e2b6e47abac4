-- node-pg-migrate 9.0.0: 101_drop-policy up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP POLICY IF EXISTS "users_self" ON "users";
-- @step
DROP POLICY "items_read" ON "app"."items";
