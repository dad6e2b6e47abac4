-- node-pg-migrate 9.0.0: 086_drop-view up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP VIEW IF EXISTS "live_users" CASCADE;
-- @step
DROP VIEW "app"."user_names";
