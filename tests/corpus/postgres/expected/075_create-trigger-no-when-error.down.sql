-- node-pg-migrate 9.0.0: 075_create-trigger-no-when-error down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TRIGGER "t1" ON "users";
