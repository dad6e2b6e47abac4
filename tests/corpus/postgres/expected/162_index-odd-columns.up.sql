-- node-pg-migrate 9.0.0: 162_index-odd-columns up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE INDEX "users_café_index" ON "users" ((café));
-- @step
CREATE INDEX "users_col""q_index" ON "users" ("col""q");
-- @step
CREATE INDEX "users_a.b_index" ON "users" ("a.b");
-- @step
CREATE INDEX "users_(f(x))_index" ON "users" ((f(x)));
-- @step
CREATE INDEX "users_(x::text)_index" ON "users" ((x::text));
-- @step
CREATE INDEX "users_coalesce" ON "users" USING gin ((coalesce(a, b))) WHERE a IS NOT NULL;
