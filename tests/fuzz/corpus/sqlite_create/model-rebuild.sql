CREATE TABLE "t" ("a" INTEGER, "b" TEXT);
CREATE TABLE "_mig_new_t" ("a" INTEGER, "b" TEXT NOT NULL);
INSERT INTO "_mig_new_t" ("a", "b") SELECT "a", "b" FROM "t";
DROP TABLE "t";
ALTER TABLE "_mig_new_t" RENAME TO "t";
