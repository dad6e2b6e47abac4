-- node-pg-migrate 9.0.0: 071_create-trigger up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TRIGGER "users_audit"
  AFTER INSERT OR UPDATE OF email OR DELETE ON "users"
  FOR EACH ROW
  WHEN (NEW.email IS DISTINCT FROM OLD.email)
  EXECUTE PROCEDURE "audit_fn"($pga$users$pga$, 7, true, NULL);
-- @step
CREATE TRIGGER "items_trunc"
  BEFORE TRUNCATE ON "app"."items"
  FOR EACH STATEMENT
  EXECUTE PROCEDURE "app"."on_trunc"();
