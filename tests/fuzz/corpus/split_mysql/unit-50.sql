CREATE PROCEDURE p() BEGIN SELECT t.begin, t . end, `end`, ending, begins, @end, 'END', "END" FROM t -- end
# end
 ; END; SELECT 1