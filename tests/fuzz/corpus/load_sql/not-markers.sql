--UpMigration
-- Up-Migration
/* x */ -- Up Migration
select 1; -- Up Migration
- Up Migration
-- Upward migration
