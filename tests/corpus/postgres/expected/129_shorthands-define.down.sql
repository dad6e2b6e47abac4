-- node-pg-migrate 9.0.0: 129_shorthands-define down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "sh_users";
