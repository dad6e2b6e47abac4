-- node-pg-migrate 9.0.0: 023_rename-column down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "app"."items" RENAME "title" TO "label";
-- @step
ALTER TABLE "users" RENAME "full_name" TO "name";
