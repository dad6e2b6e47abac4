CREATE TABLE "products" (
  "id" INTEGER CONSTRAINT "products_pkey" PRIMARY KEY AUTOINCREMENT,
  "sku" TEXT NOT NULL CONSTRAINT "type:varchar(32)" CHECK (length("sku") <= 32),
  "title" TEXT NOT NULL,
  "price_cents" INTEGER DEFAULT 0 NOT NULL,
  "stock" INTEGER DEFAULT 0 NOT NULL,
  "category_id" INTEGER CONSTRAINT "products_category_id_fkey" REFERENCES "categories" ON DELETE SET NULL,
  CONSTRAINT "products_price_nonnegative" CHECK (price_cents >= 0),
  CONSTRAINT "products_stock_range" CHECK (stock >= 0 AND stock < 100000)
)