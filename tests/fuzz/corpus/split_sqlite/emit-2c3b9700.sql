CREATE UNIQUE INDEX "t_uniq_a_b" ON "t" ("a", "b");
