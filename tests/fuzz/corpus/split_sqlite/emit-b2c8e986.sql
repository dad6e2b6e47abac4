CREATE TABLE "pairs" (
  "x" TEXT NOT NULL,
  "y" INTEGER NOT NULL,
  CONSTRAINT "pairs_pkey" PRIMARY KEY ("x", "y")
);