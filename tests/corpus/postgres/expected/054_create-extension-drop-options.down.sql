-- node-pg-migrate 9.0.0: 054_create-extension-drop-options down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP EXTENSION IF EXISTS "btree_gist" CASCADE;
-- @step
DROP EXTENSION IF EXISTS "pg_trgm" CASCADE;
