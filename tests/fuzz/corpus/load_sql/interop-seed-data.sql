-- Up Migration
INSERT INTO app.users (email, display_name) VALUES
  ('ada@example.com', 'Ada'),
  ('grace@example.com', E'Grace \'Amazing\' Hopper');
INSERT INTO app.posts (author_id, title, published)
  SELECT id, 'Hello from ' || display_name, true FROM app.users;

-- Down Migration
DELETE FROM app.posts;
DELETE FROM app.users;
