-- Up Migration
CREATE TYPE app.post_state AS ENUM ('draft', 'review', 'it''s live');
ALTER TABLE app.posts ADD COLUMN state app.post_state NOT NULL DEFAULT 'draft';
CREATE VIEW app.published_posts AS
  SELECT p.id, p.title, u.email AS author
  FROM app.posts p JOIN app.users u ON u.id = p.author_id
  WHERE p.published;

-- Down Migration
DROP VIEW app.published_posts;
ALTER TABLE app.posts DROP COLUMN state;
DROP TYPE app.post_state;
