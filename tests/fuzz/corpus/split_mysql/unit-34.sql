CREATE DEFINER = `root`@`localhost` TRIGGER t BEFORE UPDATE ON x FOR EACH ROW
BEGIN
  IF NEW.a > 0 THEN
    SET NEW.b = IF(NEW.a > 10, 1, 2);
    SET NEW.e = IF (NEW.a > 20, 3, 4);
    IF (NEW.c IS NULL) THEN SET NEW.c = 0; END IF;
  ELSEIF NEW.a < 0 THEN
    SET NEW.a = 0;
  ELSE
    SET NEW.d = REPEAT('x', 3);
  END IF;
END