-- node-pg-migrate 9.0.0: 017_rename-table up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "posts" RENAME TO "articles";
-- @step
ALTER TABLE "app"."items" RENAME TO "things";
