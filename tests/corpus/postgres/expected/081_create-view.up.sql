-- node-pg-migrate 9.0.0: 081_create-view up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE VIEW "active_users" AS SELECT * FROM users WHERE age > 0;
-- @step
CREATE OR REPLACE TEMPORARY RECURSIVE VIEW "app"."user_names"("id", "name") WITH (security_barrier, check_option = LOCAL) AS SELECT id, full_name FROM users; WITH CASCADED CHECK OPTION;
-- @step
CREATE VIEW "one_col"("id") AS SELECT id FROM users;
