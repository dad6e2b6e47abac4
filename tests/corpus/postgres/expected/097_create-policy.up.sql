-- node-pg-migrate 9.0.0: 097_create-policy up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE POLICY "users_all" ON "users" FOR ALL TO PUBLIC;
-- @step
CREATE POLICY "users_own" ON "users" FOR UPDATE TO app_user, CURRENT_USER USING (id = current_user_id()) WITH CHECK (age >= 0);
-- @step
CREATE POLICY "items_read" ON "app"."items" FOR SELECT TO reader;
