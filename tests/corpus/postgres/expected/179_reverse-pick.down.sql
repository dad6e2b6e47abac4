-- node-pg-migrate 9.0.0: 179_reverse-pick down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP OPERATOR FAMILY IF EXISTS "rp_fam" USING btree;
-- @step
DROP OPERATOR CLASS IF EXISTS "rp_ops" USING btree CASCADE;
-- @step
DROP DOMAIN IF EXISTS "rp_dom";
