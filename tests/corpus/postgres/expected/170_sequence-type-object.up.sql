-- node-pg-migrate 9.0.0: 170_sequence-type-object up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE SEQUENCE "seq_obj"
  AS smallint
  START WITH 5
  OWNED BY users.id;
-- @step
ALTER SEQUENCE "seq_obj"
  NO MINVALUE
  MAXVALUE 100
  CACHE 10
  OWNED BY NONE;
