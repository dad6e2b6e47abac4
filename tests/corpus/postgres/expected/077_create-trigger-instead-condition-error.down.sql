-- node-pg-migrate 9.0.0: 077_create-trigger-instead-condition-error down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TRIGGER "t3" ON "users_view";
