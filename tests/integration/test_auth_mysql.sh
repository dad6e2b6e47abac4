# The auth system on MySQL/MariaDB: the same migration file, unchanged,
# applied with `migrations auth` + `migrate`; the same acceptance checks as
# on PostgreSQL and SQLite (run through the mariadb client, as an
# application's connection: PIPES_AS_CONCAT for the checks' ||, UTC);
# down removes everything, up again restores it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/auth_checks.sh"

my_require
unset DATABASE_URL
BACKEND=mysql
my_scratch_db OURS
db_sql() {
	run "$MY_CLIENT" --no-defaults --protocol=tcp -h 127.0.0.1 -P "$MIG_TEST_MYSQL_PORT" -u root -N -B -r \
		--init-command="SET SESSION sql_mode = CONCAT(@@sql_mode, ',PIPES_AS_CONCAT'), time_zone = '+00:00'" \
		-e "$1" "$OURS"
}
db_changes() { db_sql "$1; SELECT ROW_COUNT();"; }

t "auth writes the migration; migrate applies it, unchanged"
assert_exit 0 mig auth
file=$(ls migrations/*_auth-system.js)
cmp -s "$file" "$MIG_SOURCE_DIR"/migrations/*_auth-system.js || fail "the written migration differs from the one in the repository's migrations/"
assert_exit 0 mig --database-url "$OURS_URL" migrate
assert_contains "$OUT" "_auth-system"
assert_exit 0 mig --database-url "$OURS_URL" status
assert_not_contains "$OUT" "pending"

t "[mysql] every table is InnoDB, utf8mb4, with a case- and accent-sensitive collation"
db_is 12 "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ($AUTH_TABLES) AND engine = 'InnoDB' AND table_collation LIKE 'utf8mb4%bin'"
db_is 0 "SELECT count(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name IN ($AUTH_TABLES) AND collation_name IS NOT NULL AND collation_name NOT LIKE 'utf8mb4%bin'"

run_auth_checks "$file"

t "[mysql] text compares exactly, as on PostgreSQL: case, accents, trailing spaces"
db_rejects "INSERT INTO users (id, email) VALUES ('eeeeeeee-0000-4000-8000-000000000005', 'Carol@Example.com')"
db_rejects "INSERT INTO users (id, email, status) VALUES ('eeeeeeee-0000-4000-8000-000000000005', 'erin@example.com', 'SUSPENDED')"
db_ok "INSERT INTO users (id, email) VALUES ('eeeeeeee-0000-4000-8000-000000000005', 'érin@example.com')"
db_ok "INSERT INTO users (id, email) VALUES ('ffffffff-0000-4000-8000-000000000006', 'erin@example.com')"
db_is 0 "SELECT count(*) FROM users WHERE email = 'erin@example.com '"
db_is 1 "SELECT count(*) FROM users WHERE email = 'erin@example.com'"

t "[mysql] down removes every table and row it created; up again restores them"
assert_exit 0 mig --database-url "$OURS_URL" rollback
assert_eq 0 "$(auth_table_count)" "auth tables after rollback"
db_is 0 "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name NOT LIKE 'pgmigrations%'"
db_is 0 "SELECT count(*) FROM pgmigrations"
run_down_checks "$file"
db_is 0 "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name NOT LIKE 'pgmigrations%'"
assert_exit 0 mig --database-url "$OURS_URL" migrate
assert_eq 12 "$(auth_table_count)" "auth tables after up again"
db_is 3 "SELECT count(*) FROM roles"
db_is 13 "SELECT count(*) FROM role_permissions"
db_is 0 "SELECT count(*) FROM users"
