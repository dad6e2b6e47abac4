-- node-pg-migrate 9.0.0: 900_shorthand-override-id up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "uuid_ids" (
  "id" uuid DEFAULT gen_random_uuid() PRIMARY KEY,
  "name" text
);
