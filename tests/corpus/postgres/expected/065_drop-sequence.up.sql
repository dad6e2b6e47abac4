-- node-pg-migrate 9.0.0: 065_drop-sequence up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP SEQUENCE IF EXISTS "seq_every" CASCADE;
-- @step
DROP SEQUENCE "app"."seq_tmp";
