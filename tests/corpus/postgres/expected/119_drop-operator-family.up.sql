-- node-pg-migrate 9.0.0: 119_drop-operator-family up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP OPERATOR FAMILY IF EXISTS "my_family" USING btree CASCADE;
-- @step
DROP OPERATOR FAMILY "app"."other_fam" USING hash;
