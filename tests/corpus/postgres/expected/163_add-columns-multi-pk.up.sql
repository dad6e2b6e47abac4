-- node-pg-migrate 9.0.0: 163_add-columns-multi-pk up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users"
  ADD "k1" integer,
  ADD "k2" integer;
