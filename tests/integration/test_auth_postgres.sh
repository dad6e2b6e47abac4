# The auth system on PostgreSQL: `migrations auth` + `migrate`, the
# acceptance checks, down then up again, and the real node-pg-migrate 9.0.0
# applying the same file to another database with the same result (schema
# and default data), each tool able to roll back what the other applied.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/auth_checks.sh"

pg_require
unset DATABASE_URL PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE PGOPTIONS PGSSLMODE
BACKEND=postgres
pg_scratch_db OURS
pg_scratch_db THEIRS
db_sql() { run psql -X -q -At -v ON_ERROR_STOP=1 -d "$OURS_URL" -c "$1"; }
# without -q psql prints the command tag, "UPDATE 2": the rows changed are its last word
db_changes() {
	run psql -X -At -v ON_ERROR_STOP=1 -d "$OURS_URL" -c "$1"
	OUT=${OUT##* }
}

t "auth writes the migration; migrate applies it"
assert_exit 0 mig auth
file=$(ls migrations/*_auth-system.js)
assert_exit 0 mig --database-url "$OURS_URL" migrate
assert_contains "$OUT" "_auth-system"

run_auth_checks "$file"

t "[postgres] down removes every table, sequence and row it created; up again restores them"
assert_exit 0 mig --database-url "$OURS_URL" rollback
assert_eq 0 "$(auth_table_count)" "auth tables after rollback"
db_is 0 "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname NOT LIKE 'pgmigrations%'"
db_is 0 "SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typname NOT LIKE '%pgmigrations%'"
db_is 0 "SELECT count(*) FROM pgmigrations"
run_down_checks "$file"
db_is 0 "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname NOT LIKE 'pgmigrations%'"
assert_exit 0 mig --database-url "$OURS_URL" migrate
assert_eq 12 "$(auth_table_count)" "auth tables after up again"
db_is 13 "SELECT count(*) FROM role_permissions"

t "[postgres] node-pg-migrate 9.0.0 applies the same file with the same result"
npg_require
run npg "$THEIRS_URL" up
[ "$RC" = 0 ] || fail "node-pg-migrate up failed: $OUT $ERR"
dump() { pg_dump --schema-only --no-owner --no-privileges -d "$1" | grep -v -e '^--' -e '^\\restrict' -e '^\\unrestrict' -e '^$'; }
assert_eq "$(dump "$OURS_URL")" "$(dump "$THEIRS_URL")" "pg_dump --schema-only of our database and node-pg-migrate's"
seeds="SELECT r.name || ':' || coalesce(string_agg(p.name, ',' ORDER BY p.name), '') FROM roles r LEFT JOIN role_permissions rp ON rp.role_id = r.id LEFT JOIN permissions p ON p.id = rp.permission_id GROUP BY r.name ORDER BY r.name"
assert_eq "$(pgq "$OURS_URL" "$seeds")" "$(pgq "$THEIRS_URL" "$seeds")" "default roles and grants"
assert_eq "$(pgq "$OURS_URL" "SELECT name FROM pgmigrations")" "$(pgq "$THEIRS_URL" "SELECT name FROM pgmigrations")" "pgmigrations"

t "[postgres] each tool rolls back what the other applied"
assert_exit 0 mig --database-url "$THEIRS_URL" status
assert_not_contains "$OUT" "pending"
assert_exit 0 mig --database-url "$THEIRS_URL" rollback
assert_eq 0 "$(pgq "$THEIRS_URL" "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'pgmigrations'")" "tables left after our rollback"
run npg "$OURS_URL" down
[ "$RC" = 0 ] || fail "node-pg-migrate down failed: $OUT $ERR"
assert_eq 0 "$(auth_table_count)" "tables left after node-pg-migrate's rollback"
