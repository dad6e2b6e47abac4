-- Up Migration
CREATE TABLE t (id int);

-- Down Migration
DROP TABLE t;
