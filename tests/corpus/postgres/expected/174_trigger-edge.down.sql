-- node-pg-migrate 9.0.0: 174_trigger-edge down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TRIGGER "users_when" ON "users";
-- @step
DROP TRIGGER "users_stmt" ON "users";
