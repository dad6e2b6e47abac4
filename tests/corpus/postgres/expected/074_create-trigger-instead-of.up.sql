-- node-pg-migrate 9.0.0: 074_create-trigger-instead-of up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TRIGGER "users_view_ins"
  INSTEAD OF INSERT ON "users_view"
  FOR EACH ROW
  EXECUTE PROCEDURE "users_view_insert"();
