-- node-pg-migrate 9.0.0: 106_grant-roles down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
REVOKE ADMIN OPTION FOR "reader", "writer" FROM "bob", "carol" CASCADE;
-- @step
REVOKE "reader" FROM "alice";
