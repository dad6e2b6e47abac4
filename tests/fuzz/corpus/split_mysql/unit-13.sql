-- Up
 

  SELECT 1;
# x
SELECT
 2;

SELECT 3