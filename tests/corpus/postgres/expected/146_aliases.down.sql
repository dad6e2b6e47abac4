-- node-pg-migrate 9.0.0: 146_aliases down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP INDEX "users_alias_col_index";
