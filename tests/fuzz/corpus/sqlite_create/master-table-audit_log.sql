CREATE TABLE "audit_log" (
  "id" INTEGER CONSTRAINT "audit_log_pkey" PRIMARY KEY AUTOINCREMENT,
  "actor_id" INTEGER CONSTRAINT "audit_log_actor_id_fkey" REFERENCES "users" ON DELETE SET NULL,
  "action" TEXT NOT NULL,
  "payload" TEXT CONSTRAINT "type:json" CHECK ("payload" IS NULL OR json_valid("payload")),
  "at" TEXT DEFAULT CURRENT_TIMESTAMP NOT NULL CONSTRAINT "type:timestamptz" CHECK ("at" IS NULL OR (typeof("at") = 'text' AND strftime('%Y-%m-%d %H:%M:%S', "at", '+0 seconds') IS substr("at", 1, 19) AND (length("at") = 19 OR (substr("at", 20, 1) = '.' AND length("at") > 20 AND substr("at", 21) NOT GLOB '*[^0-9]*'))))
)