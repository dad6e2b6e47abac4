-- node-pg-migrate 9.0.0: 106_grant-roles up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
GRANT "reader" TO "alice";
-- @step
GRANT "reader", "writer" TO "bob", "carol" WITH ADMIN OPTION;
