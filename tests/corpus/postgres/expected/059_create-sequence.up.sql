-- node-pg-migrate 9.0.0: 059_create-sequence up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE SEQUENCE IF NOT EXISTS "seq_all"
  AS integer
  INCREMENT BY 2
  MINVALUE 10
  MAXVALUE 10000
  START WITH 20
  CACHE 5
  CYCLE
  OWNED BY users.id;
-- @step
CREATE TEMPORARY SEQUENCE "app"."seq_tmp"
  ;
