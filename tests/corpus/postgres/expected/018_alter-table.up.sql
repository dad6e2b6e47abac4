-- node-pg-migrate 9.0.0: 018_alter-table up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users"
    ENABLE ROW LEVEL SECURITY,
  SET UNLOGGED;
-- @step
ALTER TABLE "users"
    FORCE ROW LEVEL SECURITY;
-- @step
ALTER TABLE "users"
    SET LOGGED;
