-- node-pg-migrate 9.0.0: 107_revoke-roles up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
REVOKE "reader" FROM "alice";
-- @step
REVOKE ADMIN OPTION FOR "reader", "writer" FROM "bob" CASCADE;
