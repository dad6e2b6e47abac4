-- node-pg-migrate 9.0.0: 006_create-table-constraints down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "order_notes";
-- @step
DROP TABLE "order_lines";
-- @step
DROP TABLE "orders";
