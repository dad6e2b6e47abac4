-- node-pg-migrate 9.0.0: 042_rename-index down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER INDEX "items_t_idx" RENAME TO "app"."items_title_index";
-- @step
ALTER INDEX "users_nick_idx" RENAME TO "users_nickname_index";
-- @step
DROP INDEX "users_nickname_index";
