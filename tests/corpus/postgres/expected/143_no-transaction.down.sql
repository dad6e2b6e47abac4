-- node-pg-migrate 9.0.0: 143_no-transaction down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP INDEX CONCURRENTLY "users_bio_index";
