------ up migration
SELECT 1;
-- -- -- down migration
