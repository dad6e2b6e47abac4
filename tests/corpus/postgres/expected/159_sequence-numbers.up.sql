-- node-pg-migrate 9.0.0: 159_sequence-numbers up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE SEQUENCE "seq_neg"
  INCREMENT BY -1
  MINVALUE -100
  MAXVALUE -1
  START WITH -1;
