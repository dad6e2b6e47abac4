-- a;b
SELECT 1; /* x; /* nested; */ */ SELECT "a;b"