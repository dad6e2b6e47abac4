-- node-pg-migrate 9.0.0: 082_alter-view up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER VIEW "active_users" SET (security_barrier, fillfactor = 70);
ALTER VIEW "active_users" RESET (check_option);
-- @step
ALTER VIEW "active_users" SET (check_option = LOCAL);
-- @step
ALTER VIEW "active_users" RESET (security_barrier);
