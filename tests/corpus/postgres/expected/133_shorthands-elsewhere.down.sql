-- node-pg-migrate 9.0.0: 133_shorthands-elsewhere down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TYPE "sh_pair" DROP ATTRIBUTE "extra";
-- @step
DROP FUNCTION "sh_fn"("x" integer, integer);
-- @step
DROP SEQUENCE "sh_seq";
-- @step
DROP DOMAIN "sh_dom";
-- @step
DROP TYPE "sh_pair";
