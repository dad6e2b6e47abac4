-- node-pg-migrate 9.0.0: 165_constraint-fk-schema up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
ALTER TABLE "app"."items"
  ADD CONSTRAINT "items_owner_fk" FOREIGN KEY ("owner_id", "kind") REFERENCES "app"."owners";
COMMENT ON CONSTRAINT "items_owner_fk" ON "app"."items" IS $pga$owner link$pga$;
-- @step
ALTER TABLE "t165"
  ADD CONSTRAINT "t165_fk_x" FOREIGN KEY ("x") REFERENCES "y" DEFERRABLE INITIALLY IMMEDIATE;
