-- node-pg-migrate 9.0.0: 095_rename-domain up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER DOMAIN "positive_int" RENAME TO "pos_int";
