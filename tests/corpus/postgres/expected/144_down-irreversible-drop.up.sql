-- node-pg-migrate 9.0.0: 144_down-irreversible-drop up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "t144" (
  "id" serial PRIMARY KEY
);
-- @step
DROP TABLE "t144";
