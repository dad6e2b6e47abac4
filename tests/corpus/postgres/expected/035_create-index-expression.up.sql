-- node-pg-migrate 9.0.0: 035_create-index-expression up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE INDEX "users_(lower(email))_index" ON "users" ((lower(email)));
-- @step
CREATE INDEX "events_(body->>'kind')_index" ON "events" ((body->>'kind'));
-- @step
CREATE INDEX "events_(a + b)_index" ON "events" ((a + b));
-- @step
CREATE INDEX "events_(status = true)_index" ON "events" ((status = true));
-- @step
CREATE INDEX "users_lower_name" ON "users" (lower(full_name));
-- @step
CREATE INDEX "users_email_age_index" ON "users" ("email" "text_pattern_ops" DESC, "age" ASC);
-- @step
CREATE INDEX "users_lower_desc" ON "users" ((lower(email)) DESC);
-- @step
CREATE INDEX "users_with space_index" ON "users" ((with space));
-- @step
CREATE INDEX "users_public.dotted_index" ON "users" ("public.dotted");
-- @step
CREATE INDEX "users_email_index" ON "users" ("email" "public"."text_ops");
