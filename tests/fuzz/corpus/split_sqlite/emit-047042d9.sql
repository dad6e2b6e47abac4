CREATE TABLE "_mig_new_t" (
  "id" INTEGER CONSTRAINT "t_pkey" PRIMARY KEY AUTOINCREMENT,
  "c" INTEGER
);
INSERT INTO "_mig_new_t" ("id", "c") SELECT "id", "c" FROM "t";
