-- node-pg-migrate 9.0.0: 017_rename-table down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "things" RENAME TO "app"."items";
-- @step
ALTER TABLE "articles" RENAME TO "posts";
