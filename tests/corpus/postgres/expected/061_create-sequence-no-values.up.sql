-- node-pg-migrate 9.0.0: 061_create-sequence-no-values up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE SEQUENCE "seq_none"
  NO MINVALUE
  NO MAXVALUE
  NO CYCLE
  OWNED BY NONE;
-- @step
CREATE SEQUENCE "seq_owner_false"
  AS bigint
  OWNED BY NONE;
