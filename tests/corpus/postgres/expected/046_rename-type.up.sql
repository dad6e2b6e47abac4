-- node-pg-migrate 9.0.0: 046_rename-type up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TYPE "mood" RENAME TO "feeling";
