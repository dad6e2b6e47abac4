-- node-pg-migrate 9.0.0: 068_create-function-language-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
Language for function "no_lang" have to be specified
