-- node-pg-migrate 9.0.0: 059_create-sequence down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP SEQUENCE "app"."seq_tmp";
-- @step
DROP SEQUENCE "seq_all";
