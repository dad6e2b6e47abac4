-- node-pg-migrate 9.0.0: 181_static-console-log down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE IF EXISTS "rw_log_users";
