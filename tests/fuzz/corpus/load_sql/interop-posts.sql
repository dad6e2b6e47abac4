-- Up Migration
CREATE TABLE app.posts (
  id bigserial PRIMARY KEY,
  author_id integer NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (title <> ''),
  body text NOT NULL DEFAULT '',
  published boolean NOT NULL DEFAULT false
);
CREATE INDEX posts_author_id_index ON app.posts (author_id);

-- Down Migration
DROP TABLE app.posts;
