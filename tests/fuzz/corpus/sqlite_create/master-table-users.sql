CREATE TABLE "users" (
  "id" INTEGER CONSTRAINT "users_pkey" PRIMARY KEY AUTOINCREMENT,
  "email" TEXT NOT NULL CONSTRAINT "type:varchar(255)" CHECK (length("email") <= 255),
  "full_name" TEXT NOT NULL CONSTRAINT "type:varchar(200)" CHECK (length("full_name") <= 200),
  "is_admin" INTEGER DEFAULT FALSE NOT NULL,
  "created_at" TEXT DEFAULT CURRENT_TIMESTAMP NOT NULL CONSTRAINT "type:timestamptz" CHECK ("created_at" IS NULL OR (typeof("created_at") = 'text' AND strftime('%Y-%m-%d %H:%M:%S', "created_at", '+0 seconds') IS substr("created_at", 1, 19) AND (length("created_at") = 19 OR (substr("created_at", 20, 1) = '.' AND length("created_at") > 20 AND substr("created_at", 21) NOT GLOB '*[^0-9]*')))),
  "login_count" INTEGER NOT NULL DEFAULT 1
)