-- Up Migration
SELECT 'ÿþ';
-- Down Ã Migration
