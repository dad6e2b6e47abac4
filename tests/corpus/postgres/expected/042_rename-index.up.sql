-- node-pg-migrate 9.0.0: 042_rename-index up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE INDEX "users_nickname_index" ON "users" ("nickname");
-- @step
ALTER INDEX "users_nickname_index" RENAME TO "users_nick_idx";
-- @step
ALTER INDEX "app"."items_title_index" RENAME TO "items_t_idx";
