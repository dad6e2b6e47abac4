-- node-pg-migrate 9.0.0: 079_drop-trigger up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TRIGGER "users_audit" ON "users";
-- @step
DROP TRIGGER IF EXISTS "items_trunc" ON "app"."items" CASCADE;
