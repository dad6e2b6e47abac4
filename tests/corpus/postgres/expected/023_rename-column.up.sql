-- node-pg-migrate 9.0.0: 023_rename-column up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users" RENAME "name" TO "full_name";
-- @step
ALTER TABLE "app"."items" RENAME "label" TO "title";
