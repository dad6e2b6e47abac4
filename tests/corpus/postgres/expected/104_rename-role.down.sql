-- node-pg-migrate 9.0.0: 104_rename-role down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER ROLE "viewer" RENAME TO "reader";
