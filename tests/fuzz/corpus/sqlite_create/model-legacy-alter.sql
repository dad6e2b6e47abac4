PRAGMA legacy_alter_table = ON;
CREATE TABLE a (x);
CREATE TABLE b (y REFERENCES a(x));
ALTER TABLE a RENAME TO "a 2";
