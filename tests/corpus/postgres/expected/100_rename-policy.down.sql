-- node-pg-migrate 9.0.0: 100_rename-policy down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER POLICY "users_self" ON "users" RENAME TO "users_own";
