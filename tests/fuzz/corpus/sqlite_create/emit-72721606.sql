CREATE TABLE "_mig_new_t" (
  "a" INTEGER,
  "b" TEXT,
  "pid" INTEGER,
  CONSTRAINT "a_pos" CHECK (a > 0)
);
INSERT INTO "_mig_new_t" ("a", "b", "pid") SELECT "a", "b", "pid" FROM "t";
