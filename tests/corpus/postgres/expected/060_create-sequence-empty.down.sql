-- node-pg-migrate 9.0.0: 060_create-sequence-empty down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP SEQUENCE "seq_plain";
