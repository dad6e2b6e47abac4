-- node-pg-migrate 9.0.0: 052_rename-type-value down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TYPE "feeling" RENAME VALUE $pga$fine$pga$ TO $pga$ok$pga$;
