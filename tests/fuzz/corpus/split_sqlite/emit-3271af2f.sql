CREATE INDEX "t_s_index" ON "t" ("s");
CREATE TRIGGER t_touch AFTER UPDATE ON t BEGIN UPDATE t SET n = n + 1 WHERE id = NEW.id AND 0; END;
