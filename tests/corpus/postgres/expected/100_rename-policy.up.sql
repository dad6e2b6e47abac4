-- node-pg-migrate 9.0.0: 100_rename-policy up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER POLICY "users_own" ON "users" RENAME TO "users_self";
