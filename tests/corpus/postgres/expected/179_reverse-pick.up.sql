-- node-pg-migrate 9.0.0: 179_reverse-pick up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE DOMAIN "rp_dom" AS integer;
-- @step
CREATE OPERATOR CLASS "rp_ops" FOR TYPE "int4" USING "btree" AS
  FUNCTION 1 "btint4cmp"(int4, int4);
-- @step
CREATE OPERATOR FAMILY "rp_fam" USING btree;
