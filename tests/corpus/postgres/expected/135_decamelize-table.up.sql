-- node-pg-migrate 9.0.0: 135_decamelize-table up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "my_table" (
  "user_id" integer CONSTRAINT "my_table_fk_user_id" REFERENCES "other_table",
  "html_body" text,
  "created_at" timestamp,
  "a" integer,
  "b_b" integer,
  CONSTRAINT "my_table_chck" CHECK (true),
  CONSTRAINT "my_table_uniq_html_body" UNIQUE ("html_body"),
  CONSTRAINT "my_table_pkey" PRIMARY KEY ("a", "b_b"),
  CONSTRAINT "my_table_fk_user_id" FOREIGN KEY ("user_id") REFERENCES "other_table"
);
COMMENT ON COLUMN "my_table"."created_at" IS $pga$when$pga$;
COMMENT ON CONSTRAINT "my_table_fk_user_id" ON "my_table" IS $pga$the owner$pga$;
