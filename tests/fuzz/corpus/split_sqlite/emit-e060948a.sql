DROP VIEW IF EXISTS "parent_ids";
