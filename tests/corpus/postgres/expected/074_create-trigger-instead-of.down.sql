-- node-pg-migrate 9.0.0: 074_create-trigger-instead-of down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TRIGGER "users_view_ins" ON "users_view";
