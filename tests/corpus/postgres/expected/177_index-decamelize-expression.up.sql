-- node-pg-migrate 9.0.0: 177_index-decamelize-expression up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE INDEX "my_table_(lower(some_col))_other_col_index" ON "my_table" ((lower(someCol)), "other_col");
