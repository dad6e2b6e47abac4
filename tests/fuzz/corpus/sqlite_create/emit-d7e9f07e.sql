CREATE TABLE "_mig_new_t" (
  "id" INTEGER CONSTRAINT "t_pkey" PRIMARY KEY AUTOINCREMENT,
  "n" NUMERIC NOT NULL,
  "s" INTEGER DEFAULT 'none',
  "v" TEXT CONSTRAINT "type:varchar(10)" CHECK (length("v") <= 10)
);
INSERT INTO "_mig_new_t" ("id", "n", "s", "v") SELECT "id", "n", (length(s)), "v" FROM "t";
