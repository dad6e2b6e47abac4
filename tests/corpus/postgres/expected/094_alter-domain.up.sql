-- node-pg-migrate 9.0.0: 094_alter-domain up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER DOMAIN "positive_int" SET DEFAULT 1;
ALTER DOMAIN "positive_int" SET NOT NULL;
-- @step
ALTER DOMAIN "positive_int" DROP DEFAULT;
ALTER DOMAIN "positive_int" DROP NOT NULL;
-- @step
ALTER DOMAIN "positive_int" DROP NOT NULL;
ALTER DOMAIN "positive_int" CONSTRAINT "upper_bound" CHECK (VALUE < 1000);
-- @step
ALTER DOMAIN "positive_int" CHECK (VALUE <> 13);
