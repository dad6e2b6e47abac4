-- node-pg-migrate 9.0.0: 068_create-function-language-error down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP FUNCTION "no_lang"();
