-- node-pg-migrate 9.0.0: 162_index-odd-columns down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP INDEX "users_coalesce";
-- @step
DROP INDEX "users_(x::text)_index";
-- @step
DROP INDEX "users_(f(x))_index";
-- @step
DROP INDEX "users_a.b_index";
-- @step
DROP INDEX "users_col""q_index";
-- @step
DROP INDEX "users_café_index";
