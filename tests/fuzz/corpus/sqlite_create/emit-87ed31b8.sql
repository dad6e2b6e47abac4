CREATE TABLE "_mig_new_child" (
  "id" INTEGER CONSTRAINT "child_pkey" PRIMARY KEY AUTOINCREMENT,
  "parentId" INTEGER
);
INSERT INTO "_mig_new_child" ("id", "parentId") SELECT "id", "parentId" FROM "child";
