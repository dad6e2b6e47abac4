-- node-pg-migrate 9.0.0: 150_esm-form down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "esm_form";
