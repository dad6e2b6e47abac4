-- Up Migration
SELECT 1;
-- Up Migration
SELECT 2;
-- Down Migration
