CREATE TABLE t ();
-- Down Migration
DROP TABLE t;