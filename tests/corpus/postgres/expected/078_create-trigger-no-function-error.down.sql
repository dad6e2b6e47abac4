-- node-pg-migrate 9.0.0: 078_create-trigger-no-function-error down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TRIGGER "t4" ON "users";
