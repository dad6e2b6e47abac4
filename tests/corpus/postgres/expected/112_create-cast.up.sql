-- node-pg-migrate 9.0.0: 112_create-cast up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE CAST (text AS mood) WITH FUNCTION "text_to_mood"(text);
-- @step
CREATE CAST (integer AS mood) WITH FUNCTION "app"."int_to_mood"(integer, integer, boolean) AS ASSIGNMENT;
-- @step
CREATE CAST (mood AS text) WITH INOUT AS IMPLICIT;
-- @step
CREATE CAST (int4 AS my_int) WITHOUT FUNCTION;
