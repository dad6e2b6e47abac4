CREATE TABLE "orders" (
  "id" INTEGER CONSTRAINT "orders_pkey" PRIMARY KEY AUTOINCREMENT,
  "user_id" INTEGER NOT NULL CONSTRAINT "orders_user_id_fkey" REFERENCES "users" ON DELETE CASCADE,
  "status" TEXT DEFAULT 'pending' NOT NULL CONSTRAINT "type:order_status" CHECK ("status" IN ('pending', 'paid', 'cancelled', 'shipped')),
  "placed_at" TEXT DEFAULT CURRENT_TIMESTAMP NOT NULL CONSTRAINT "type:timestamptz" CHECK ("placed_at" IS NULL OR (typeof("placed_at") = 'text' AND strftime('%Y-%m-%d %H:%M:%S', "placed_at", '+0 seconds') IS substr("placed_at", 1, 19) AND (length("placed_at") = 19 OR (substr("placed_at", 20, 1) = '.' AND length("placed_at") > 20 AND substr("placed_at", 21) NOT GLOB '*[^0-9]*')))),
  "note" TEXT CONSTRAINT "type:varchar(500)" CHECK (length("note") <= 500) DEFAULT '' NOT NULL
)