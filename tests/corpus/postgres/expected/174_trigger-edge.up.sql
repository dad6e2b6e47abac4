-- node-pg-migrate 9.0.0: 174_trigger-edge up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TRIGGER "users_stmt"
  AFTER DELETE ON "users"
  FOR EACH STATEMENT
  EXECUTE PROCEDURE "f"($pga$a$pga$, 1.5);
-- @step
CREATE TRIGGER "users_when"
  BEFORE INSERT OR UPDATE ON "users"
  FOR EACH ROW
  WHEN (NEW.x > 0)
  EXECUTE PROCEDURE "g"();
