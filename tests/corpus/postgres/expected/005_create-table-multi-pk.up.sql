-- node-pg-migrate 9.0.0: 005_create-table-multi-pk up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "memberships" (
  "user_id" integer,
  "group_id" integer,
  "role" text,
  CONSTRAINT "memberships_pkey" PRIMARY KEY ("user_id", "group_id")
);
COMMENT ON COLUMN "memberships"."group_id" IS $pga$group$pga$;
