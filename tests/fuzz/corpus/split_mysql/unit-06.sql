SELECT 1 -- it's
; SELECT 2 # don't
; SELECT 3