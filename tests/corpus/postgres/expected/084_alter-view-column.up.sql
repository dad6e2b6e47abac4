-- node-pg-migrate 9.0.0: 084_alter-view-column up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER VIEW "active_users" ALTER COLUMN "age" SET DEFAULT 18;
-- @step
ALTER VIEW "active_users" ALTER COLUMN "email" DROP DEFAULT;
-- @step

