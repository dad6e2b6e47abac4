-- node-pg-migrate 9.0.0: 072_create-trigger-definition up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE OR REPLACE FUNCTION "users_touch"()
  RETURNS trigger
  AS $pga$BEGIN NEW.updated_at := now(); RETURN NEW; END;$pga$
  VOLATILE
  LANGUAGE plpgsql;
CREATE TRIGGER "users_touch"
  BEFORE UPDATE ON "users"
  FOR EACH ROW
  EXECUTE PROCEDURE "users_touch"();
-- @step
CREATE FUNCTION "touch_fn"()
  RETURNS trigger
  AS $pga$BEGIN RETURN NEW; END;$pga$
  VOLATILE
  LANGUAGE plpgsql;
CREATE TRIGGER "users_touch2"
  BEFORE INSERT ON "users"
  FOR EACH ROW
  EXECUTE PROCEDURE "touch_fn"();
