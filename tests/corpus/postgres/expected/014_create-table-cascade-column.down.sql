-- node-pg-migrate 9.0.0: 014_create-table-cascade-column down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE IF EXISTS "quirk" CASCADE;
