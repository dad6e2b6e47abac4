-- node-pg-migrate 9.0.0: 013_create-table-comment-unnamed-error down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "bad2";
