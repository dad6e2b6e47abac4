CREATE TABLE "line_items" (
  "order_id" INTEGER NOT NULL CONSTRAINT "order_items_order_id_fkey" REFERENCES "orders" ON DELETE CASCADE,
  "product_id" INTEGER NOT NULL CONSTRAINT "order_items_product_id_fkey" REFERENCES "products" ON DELETE RESTRICT,
  "qty" INTEGER NOT NULL CONSTRAINT "order_items_qty_check" CHECK (qty > 0),
  "unit_price_cents" INTEGER,
  CONSTRAINT "order_items_pkey" PRIMARY KEY ("order_id", "product_id")
)