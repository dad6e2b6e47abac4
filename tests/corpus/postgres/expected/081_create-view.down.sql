-- node-pg-migrate 9.0.0: 081_create-view down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP VIEW "one_col";
-- @step
DROP VIEW IF EXISTS "app"."user_names" CASCADE;
-- @step
DROP VIEW "active_users";
