ALTER TABLE "posts" ADD COLUMN "summary" TEXT;
ALTER TABLE "posts" ADD COLUMN "published" INTEGER DEFAULT FALSE NOT NULL;
ALTER TABLE "posts" ADD COLUMN "slug" TEXT CONSTRAINT "type:varchar(20)" CHECK (length("slug") <= 20);
ALTER TABLE "posts" ADD COLUMN "authorId" INTEGER CONSTRAINT "posts_authorId_fkey" REFERENCES "posts";
CREATE UNIQUE INDEX "posts_slug_key" ON "posts" ("slug");