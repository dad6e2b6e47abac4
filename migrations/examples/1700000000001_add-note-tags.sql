-- Up Migration
CREATE TABLE tags (
  name VARCHAR(50) PRIMARY KEY
);
CREATE TABLE note_tags (
  note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  tag VARCHAR(50) NOT NULL REFERENCES tags (name) ON DELETE CASCADE,
  PRIMARY KEY (note_id, tag)
);
INSERT INTO tags (name) VALUES ('todo'), ('idea');

-- Down Migration
DROP TABLE note_tags;
DROP TABLE tags;
