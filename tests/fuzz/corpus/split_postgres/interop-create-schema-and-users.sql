-- Up Migration
CREATE SCHEMA app;
CREATE TABLE app.users (
  id serial PRIMARY KEY,
  email varchar(320) NOT NULL UNIQUE,
  display_name text,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE app.users IS 'people who sign in; a ; in a comment is fine';

-- Down Migration
DROP TABLE app.users;
DROP SCHEMA app;
