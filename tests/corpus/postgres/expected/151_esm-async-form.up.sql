-- node-pg-migrate 9.0.0: 151_esm-async-form up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE INDEX "esm_form_v_index" ON "esm_form" ("v");
