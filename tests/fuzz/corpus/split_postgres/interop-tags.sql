-- Up Migration
CREATE TABLE app.tags (
  name text PRIMARY KEY
);
CREATE TABLE app.post_tags (
  post_id bigint NOT NULL REFERENCES app.posts (id) ON DELETE CASCADE,
  tag text NOT NULL REFERENCES app.tags (name),
  PRIMARY KEY (post_id, tag)
);
CREATE UNIQUE INDEX tags_lower_name_index ON app.tags (lower(name));

-- Down Migration
DROP TABLE app.post_tags;
DROP TABLE app.tags;
