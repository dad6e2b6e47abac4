CREATE TABLE "_mig_new_c" (
  "id" INTEGER CONSTRAINT "c_pkey" PRIMARY KEY AUTOINCREMENT,
  "pcode" TEXT CONSTRAINT "c_pcode_fkey" REFERENCES p(code),
  "n" INTEGER,
  CONSTRAINT "n_small" CHECK (n < 10)
);
INSERT INTO "_mig_new_c" ("id", "pcode", "n") SELECT "id", "pcode", "n" FROM "c";
