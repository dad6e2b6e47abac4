-- node-pg-migrate 9.0.0: 050_add-type-value up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TYPE "feeling" ADD VALUE $pga$meh$pga$;
-- @step
ALTER TYPE "feeling" ADD VALUE $pga$great$pga$ AFTER $pga$happy$pga$;
-- @step
ALTER TYPE "feeling" ADD VALUE IF NOT EXISTS $pga$awful$pga$ BEFORE $pga$sad$pga$;
