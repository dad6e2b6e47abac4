-- node-pg-migrate 9.0.0: 071_create-trigger down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TRIGGER "items_trunc" ON "app"."items";
-- @step
DROP TRIGGER "users_audit" ON "users";
