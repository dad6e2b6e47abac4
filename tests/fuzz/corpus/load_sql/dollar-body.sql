-- Up Migration
CREATE FUNCTION f() RETURNS int AS $$
-- Down Migration
SELECT 1;
$$ LANGUAGE sql;
