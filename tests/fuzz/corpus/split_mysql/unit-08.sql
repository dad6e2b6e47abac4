SELECT 1 -- x;y
; SELECT 6--
; SELECT 7 --	z;
; SELECT 9 --