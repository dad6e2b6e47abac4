-- node-pg-migrate 9.0.0: 183_static-helpers down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "public"."rw_helper_pet";
-- @step
DROP TABLE "public"."rw_helper_owner";
