-- node-pg-migrate 9.0.0: 900_shorthand-override-id down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "uuid_ids";
