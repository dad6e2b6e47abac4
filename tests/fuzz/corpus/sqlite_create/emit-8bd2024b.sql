CREATE TABLE "legacy" (
  id integer primary key, -- the key
  email text not null unique collate nocase,
  [weird, name] varchar(20) default 'a,b' check (length([weird, name]) > 0),
  amount numeric(10, 2) default (0) check (amount >= 0),
  parent integer references legacy (id) on delete set null deferrable initially deferred,
  gen integer generated always as (amount * 2) virtual,
  unique (email, amount),
  check (amount < 1000 and coalesce(parent, 0) >= 0)
)