-- node-pg-migrate 9.0.0: 160_column-default-special up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users"
  ADD "meta" jsonb DEFAULT '{}'::jsonb,
  ADD "tags" text[] DEFAULT '{}',
  ADD "score" real DEFAULT 1.5;
