-- node-pg-migrate 9.0.0: 155_create-index-unique-names up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE UNIQUE INDEX "explicit_unique" ON "users" ("a", "b");
-- @step
CREATE INDEX "users_a_index" ON "users" ("a");
