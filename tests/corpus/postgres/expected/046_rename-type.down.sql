-- node-pg-migrate 9.0.0: 046_rename-type down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TYPE "feeling" RENAME TO "mood";
