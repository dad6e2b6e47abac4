DROP INDEX "p_code_key";
CREATE UNIQUE INDEX "p_code_uniq" ON "p" ("code");