-- node-pg-migrate 9.0.0: 132_shorthands-cycle-error down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "sh_cycle";
