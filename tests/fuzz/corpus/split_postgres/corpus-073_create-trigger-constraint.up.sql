-- node-pg-migrate 9.0.0: 073_create-trigger-constraint up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE CONSTRAINT TRIGGER "orders_check"
  AFTER INSERT ON "orders"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  EXECUTE PROCEDURE "check_order"();
-- @step
CREATE CONSTRAINT TRIGGER "orders_check2"
  AFTER UPDATE ON "orders"
  NOT DEFERRABLE
  FOR EACH ROW
  EXECUTE PROCEDURE "check_order"();
