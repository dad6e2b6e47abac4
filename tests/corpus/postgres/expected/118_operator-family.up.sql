-- node-pg-migrate 9.0.0: 118_operator-family up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE OPERATOR FAMILY "my_fam" USING btree;
-- @step
CREATE OPERATOR FAMILY "app"."other_fam" USING hash;
-- @step
ALTER OPERATOR FAMILY "my_fam" USING btree RENAME TO "my_family";
