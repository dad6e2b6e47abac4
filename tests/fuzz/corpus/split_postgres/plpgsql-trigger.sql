-- Up Migration
ALTER TABLE app.users ADD COLUMN updated_at timestamptz;
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  -- semicolons inside a dollar-quoted body; do not split here
  NEW.updated_at := now();
  RETURN NEW;
END;
$body$;
CREATE TRIGGER users_touch BEFORE UPDATE ON app.users
  FOR EACH ROW EXECUTE FUNCTION app.touch();

-- Down Migration
DROP TRIGGER users_touch ON app.users;
DROP FUNCTION app.touch();
ALTER TABLE app.users DROP COLUMN updated_at;
