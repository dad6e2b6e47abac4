CREATE TABLE IF NOT EXISTS "pgmigrations_enums" (type_name TEXT NOT NULL, position INTEGER NOT NULL, value TEXT NOT NULL, PRIMARY KEY (type_name, value));
INSERT INTO "pgmigrations_enums" (type_name, position, value) VALUES ('mood', 1, 'happy'), ('mood', 2, 'sad');
UPDATE "pgmigrations_enums" SET type_name = 'feeling' WHERE type_name = 'mood';
DELETE FROM "pgmigrations_enums" WHERE type_name = 'feeling';
