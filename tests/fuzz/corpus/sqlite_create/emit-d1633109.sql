CREATE TABLE "_mig_new_posts" (
  "id" INTEGER CONSTRAINT "posts_pkey" PRIMARY KEY AUTOINCREMENT,
  "title" TEXT,
  "summary" TEXT,
  "published" INTEGER DEFAULT FALSE NOT NULL,
  "slug" TEXT CONSTRAINT "type:varchar(20)" CHECK (length("slug") <= 20),
  "authorId" INTEGER CONSTRAINT "posts_authorId_fkey" REFERENCES "posts",
  "createdAt" TEXT DEFAULT CURRENT_TIMESTAMP