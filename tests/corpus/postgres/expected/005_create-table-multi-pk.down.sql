-- node-pg-migrate 9.0.0: 005_create-table-multi-pk down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "memberships";
