CREATE TABLE "_mig_new_t" (
  "id" INTEGER CONSTRAINT "t_pkey" PRIMARY KEY AUTOINCREMENT,
  "n" NUMERIC NOT NULL,
  "s" TEXT,
  "v" TEXT CONSTRAINT "type:varchar(10)" CHECK (length("v") <= 10)
);
INSERT INTO "_mig_new_t" ("id", "n", "s", "v") SELECT "id", "n", "s", "v" FROM "t";
