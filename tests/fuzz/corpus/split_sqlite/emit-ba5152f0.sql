PRAGMA legacy_alter_table = ON;
DROP TABLE "