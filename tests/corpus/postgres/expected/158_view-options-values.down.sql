-- node-pg-migrate 9.0.0: 158_view-options-values down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP VIEW "vopts";
