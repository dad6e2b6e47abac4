-- comment dropped
-- Down Migration
DROP TABLE t;
-- Up Migration
CREATE TABLE t ();
