-- node-pg-migrate 9.0.0: 092_create-domain up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE DOMAIN "positive_int" AS integer CONSTRAINT "positive_check" CHECK (VALUE > 0);
-- @step
CREATE DOMAIN "app"."email" AS text COLLATE "C" DEFAULT $pga$nobody@example.com$pga$ CONSTRAINT "email_nn" NOT NULL;
-- @step
CREATE DOMAIN "plain_text" AS text;
-- @step
CREATE DOMAIN "nullable_int" AS integer DEFAULT NULL CHECK (VALUE <> 0);
