CREATE TABLE "users" (
  "id" INTEGER CONSTRAINT "users_pkey" PRIMARY KEY AUTOINCREMENT,
  "uid" TEXT DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))) NOT NULL,
  "email" TEXT NOT NULL CONSTRAINT "type:varchar(255)" CHECK (length("email") <= 255),
  "nick" TEXT COLLATE NOCASE,
  "bio" TEXT DEFAULT 'it''s me',
  "active" INTEGER DEFAULT TRUE NOT NULL,
  "score" NUMERIC DEFAULT 0,
  "ratio" REAL,
  "n" INTEGER,
  "mood" TEXT DEFAULT 'happy' CONSTRAINT "type:mood" CHECK ("mood" IN ('happy', 'sad', 'it''s complicated')),
  "meta" TEXT DEFAULT '{}' NOT NULL CONSTRAINT "type:jsonb" CHECK ("meta" IS NULL OR json_valid("meta")),
  "born" TEXT DEFAULT CURRENT_DATE,
  "at" TEXT DEFAULT CURRENT_TIMESTAMP NOT NULL