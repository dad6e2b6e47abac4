-- node-pg-migrate 9.0.0: 007_create-table-options down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "copy3";
-- @step
DROP TABLE "copy2";
-- @step
DROP TABLE "copy1";
-- @step
DROP TABLE "child";
-- @step
DROP TABLE "tmp_things";
