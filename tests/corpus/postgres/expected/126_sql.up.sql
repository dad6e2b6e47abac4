-- node-pg-migrate 9.0.0: 126_sql up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE raw1 (id int);
-- @step
INSERT INTO raw1 VALUES (1);
-- @step
SELECT 1;   ;
-- @step
SELECT 1; SELECT 2;
-- @step
CREATE FUNCTION f() RETURNS int AS $$
BEGIN
  RETURN 1;
END;
$$ LANGUAGE plpgsql;
