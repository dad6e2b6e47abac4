-- node-pg-migrate 9.0.0: 112_create-cast down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP CAST IF EXISTS (int4 AS my_int);
-- @step
DROP CAST (mood AS text);
-- @step
DROP CAST (integer AS mood);
-- @step
DROP CAST (text AS mood);
