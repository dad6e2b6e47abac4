-- node-pg-migrate 9.0.0: 030_add-constraint-empty-error down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "orders" DROP CONSTRAINT "nothing";
