-- node-pg-migrate 9.0.0: 139_explicit-down down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "explicit" CASCADE;
