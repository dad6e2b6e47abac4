-- node-pg-migrate 9.0.0: 018_alter-table down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users"
    NO FORCE ROW LEVEL SECURITY,
  SET LOGGED;
