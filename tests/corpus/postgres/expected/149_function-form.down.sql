-- node-pg-migrate 9.0.0: 149_function-form down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "fn_form";
