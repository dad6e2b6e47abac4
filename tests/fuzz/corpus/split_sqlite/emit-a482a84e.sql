CREATE TABLE "_mig_new_t" (
  "a" INTEGER,
  "b" TEXT NOT NULL,
  "pid" INTEGER,
  CONSTRAINT "a_pos" CHECK (a > 0),
  CONSTRAINT "t_pkey" PRIMARY KEY ("b"),
  CONSTRAINT "t_fk_pid" FOREIGN KEY ("pid") REFERENCES "p" ON DELETE SET NULL,
  CONSTRAINT "b_short" CHECK (length(b) < 10)
);
INSERT INTO "_mig_new_t" ("a", "b", "pid") SELECT "a", "b", "pid" FROM "t";
