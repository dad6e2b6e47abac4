CREATE TABLE "legacy" (
  "id" integer primary key,
  "email" text not null collate nocase,
  "weird, name" varchar(20) default 'a,b' check (length([weird, name]) > 0),
  "amount" numeric(10, 2) default (0) NOT NULL,
  "parent" integer,
  "gen" integer generated always as (amount * 2) virtual
)