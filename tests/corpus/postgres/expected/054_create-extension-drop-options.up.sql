-- node-pg-migrate 9.0.0: 054_create-extension-drop-options up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE EXTENSION IF NOT EXISTS "pg_trgm";
-- @step
CREATE EXTENSION IF NOT EXISTS "btree_gist";
