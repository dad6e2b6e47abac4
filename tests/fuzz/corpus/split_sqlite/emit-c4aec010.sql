CREATE TABLE "_mig_new_people" (
  "id" INTEGER CONSTRAINT "people_pkey" PRIMARY KEY AUTOINCREMENT,
  "mood" TEXT NOT NULL CONSTRAINT "type:mood" CHECK ("mood" IN ('happy', 'meh', 'sad')),
  "m2" TEXT CONSTRAINT "type:mood" CHECK ("m2" IN ('happy', 'meh', 'sad'))
);
INSERT INTO "_mig_new_people" ("id", "mood", "m2") SELECT "id", "mood", "m2" FROM "people";
