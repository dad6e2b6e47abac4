-- node-pg-migrate 9.0.0: 014_create-table-cascade-column up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "quirk" (
  "cascade" text,
  "ifExists" boolean
);
