-- node-pg-migrate 9.0.0: 024_alter-column up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "users"
  ALTER "email" SET DEFAULT $pga$none@example.com$pga$,
  ALTER "email" SET NOT NULL;
-- @step
ALTER TABLE "users"
  ALTER "email" DROP DEFAULT,
  ALTER "email" DROP NOT NULL;
-- @step
ALTER TABLE "users"
  ALTER "age" SET DATA TYPE bigint USING age::bigint,
  ALTER "age" DROP NOT NULL;
-- @step
ALTER TABLE "users"
  ALTER "full_name" SET DATA TYPE text COLLATE "C";
COMMENT ON COLUMN "users"."full_name" IS $pga$full name$pga$;
-- @step
COMMENT ON COLUMN "users"."bio" IS NULL;
-- @step
ALTER TABLE "users"
  ALTER "created_at" SET DEFAULT now(),
  ALTER "created_at" SET DATA TYPE timestamp;
