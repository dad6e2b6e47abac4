PRAGMA foreign_keys = OFF;
CREATE TABLE "_mig_new_t" ("a" INTEGER, "b" TEXT);
INSERT INTO "_mig_new_t" ("a", "b") SELECT "a", "b" FROM "t";
DROP TABLE "t";
ALTER TABLE "_mig_new_t" RENAME TO "t";
PRAGMA foreign_key_check;
