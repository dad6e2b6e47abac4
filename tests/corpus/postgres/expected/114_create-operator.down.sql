-- node-pg-migrate 9.0.0: 114_create-operator down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP OPERATOR app.##("text", "text");
-- @step
DROP OPERATOR IF EXISTS ===("int4", "int4");
