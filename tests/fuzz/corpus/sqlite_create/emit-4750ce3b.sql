CREATE TABLE "user_accounts" (
  "account_id" INTEGER CONSTRAINT "user_accounts_pkey" PRIMARY KEY AUTOINCREMENT,
  "email_address" TEXT,
  CONSTRAINT "user_accounts_chck" CHECK (account_id > 0)
);
CREATE UNIQUE INDEX "user_accounts_email_address_key" ON "user_accounts" ("email_address");
CREATE UNIQUE INDEX "user_accounts_uniq_email_address" ON "user_accounts" ("email_address");