--up migration
select 1;
--down migration
select 2;