-- node-pg-migrate 9.0.0: 161_custom-types down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "ct"
  DROP "d";
-- @step
DROP TABLE "ct";
