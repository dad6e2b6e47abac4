-- Up Migration
-- A portable example: runs unchanged on SQLite and PostgreSQL.
CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  title VARCHAR(200) NOT NULL,
  body TEXT,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX notes_created_at_index ON notes (created_at);

-- Down Migration
DROP TABLE notes;
