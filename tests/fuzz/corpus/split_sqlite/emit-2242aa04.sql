CREATE TABLE "books" (
  "id" INTEGER CONSTRAINT "books_pkey" PRIMARY KEY AUTOINCREMENT,
  "authorId" INTEGER CONSTRAINT "books_authorId_fkey" REFERENCES "authors" ON DELETE cascade,
  "editor" INTEGER CONSTRAINT "books_editor_fkey" REFERENCES authors(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  "isbn" TEXT,
  "title" TEXT CONSTRAINT "books_title_check" CHECK (length(title) > 0),
  "a" INTEGER,
  "b" INTEGER,
  CONSTRAINT "books_chck_1" CHECK (a > 0),
  CONSTRAINT "books_chck_2" CHECK (b > 0),
  CONSTRAINT "books_fk_b" FOREIGN KEY ("b") REFERENCES "authors" ON UPDATE RESTRICT
);
CREATE UNIQUE INDEX "books_uniq_isbn" ON "books" ("isbn");
CREATE UNIQUE INDEX "books_uniq_a_b" ON "books" ("a", "b");