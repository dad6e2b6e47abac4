-- node-pg-migrate 9.0.0: 060_create-sequence-empty up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE SEQUENCE "seq_plain"
  ;
