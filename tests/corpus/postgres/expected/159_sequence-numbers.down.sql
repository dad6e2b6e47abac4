-- node-pg-migrate 9.0.0: 159_sequence-numbers down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP SEQUENCE "seq_neg";
