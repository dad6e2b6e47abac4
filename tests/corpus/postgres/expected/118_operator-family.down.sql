-- node-pg-migrate 9.0.0: 118_operator-family down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER OPERATOR FAMILY "my_family" USING btree RENAME TO "my_fam";
-- @step
DROP OPERATOR FAMILY "app"."other_fam" USING hash;
-- @step
DROP OPERATOR FAMILY "my_fam" USING btree;
