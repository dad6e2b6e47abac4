-- node-pg-migrate 9.0.0: 061_create-sequence-no-values down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP SEQUENCE "seq_owner_false";
-- @step
DROP SEQUENCE "seq_none";
