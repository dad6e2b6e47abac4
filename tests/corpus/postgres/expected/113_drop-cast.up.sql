-- node-pg-migrate 9.0.0: 113_drop-cast up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP CAST (text AS mood);
-- @step
DROP CAST IF EXISTS (mood AS text);
