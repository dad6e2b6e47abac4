-- node-pg-migrate 9.0.0: 117_drop-operator up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP OPERATOR ===("int4", "int4");
-- @step
DROP OPERATOR IF EXISTS app.##("text", "text") CASCADE;
-- @step
DROP OPERATOR ~~~("none", "int4");
