-- node-pg-migrate 9.0.0: 085_rename-view down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER VIEW "live_users" RENAME TO "active_users";
