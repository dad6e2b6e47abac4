-- node-pg-migrate 9.0.0: 098_alter-policy up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER POLICY "users_own" ON "users" TO admin USING (true);
-- @step
ALTER POLICY "users_own" ON "users" WITH CHECK (age < 200);
