-- node-pg-migrate 9.0.0: 095_rename-domain down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER DOMAIN "pos_int" RENAME TO "positive_int";
