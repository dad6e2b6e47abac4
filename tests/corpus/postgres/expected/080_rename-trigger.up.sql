-- node-pg-migrate 9.0.0: 080_rename-trigger up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TRIGGER "users_touch" ON "users" RENAME TO "users_touch_updated";
