  Delimiter //  the rest
SELECT 1; SELECT 2//
SELECT '//'//
DELIMITER ;
SELECT 3;