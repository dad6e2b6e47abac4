-- header
--migrate:up
SELECT 1;
--  migrate:down   transaction:true  
SELECT 2;
