-- node-pg-migrate 9.0.0: 127_sql-args up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
SELECT * FROM "app"."items" WHERE "title" = "a $pga$ b" AND flag = true AND x IS NULL;
-- @step
SELECT 5, 5, ARRAY[1,2], now(), ;
-- @step
SELECT "a$b" FROM t;
-- @step
SELECT "x{id}y" FROM t;
