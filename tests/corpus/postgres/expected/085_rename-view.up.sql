-- node-pg-migrate 9.0.0: 085_rename-view up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER VIEW "active_users" RENAME TO "live_users";
