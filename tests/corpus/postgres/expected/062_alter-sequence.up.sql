-- node-pg-migrate 9.0.0: 062_alter-sequence up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER SEQUENCE "seq_all"
  RESTART;
-- @step
ALTER SEQUENCE "seq_all"
  INCREMENT BY 3
  RESTART WITH 50;
-- @step
ALTER SEQUENCE "seq_all"
  AS bigint
  NO MAXVALUE
  NO CYCLE
  OWNED BY NONE;
