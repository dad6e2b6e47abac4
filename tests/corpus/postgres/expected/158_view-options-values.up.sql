-- node-pg-migrate 9.0.0: 158_view-options-values up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE VIEW "vopts" WITH (a = 1, b = x, c = null, d = false) AS SELECT 1;
