-- node-pg-migrate 9.0.0: 076_create-trigger-no-operation-error down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TRIGGER "t2" ON "users";
