SELECT 'unterminated;
SELECT 2