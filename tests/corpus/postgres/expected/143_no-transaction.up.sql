-- node-pg-migrate 9.0.0: 143_no-transaction up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TYPE "feeling" ADD VALUE IF NOT EXISTS $pga$content$pga$;
-- @step
CREATE INDEX CONCURRENTLY "users_bio_index" ON "users" ("bio");
