CREATE TEMPORARY TABLE IF NOT EXISTS "codes" (
  "code" TEXT CONSTRAINT "codes_pkey" PRIMARY KEY NOT NULL CONSTRAINT "type:varchar(8)" CHECK (length("code") <= 8)
);