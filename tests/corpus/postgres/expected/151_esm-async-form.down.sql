-- node-pg-migrate 9.0.0: 151_esm-async-form down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP INDEX "esm_form_v_index";
