-- Up Migration
SELECT 1;

-- Down Migration
SELECT 2;
