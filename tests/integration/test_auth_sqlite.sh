# The auth system on SQLite, the embedded default: `migrations auth` writes
# the migration, `migrate` applies it, the acceptance checks pass, and down
# then up again leaves the same schema and default data.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/auth_checks.sh"

command -v sqlite3 >/dev/null || fail "the sqlite3 command-line shell is needed (apt-get install sqlite3)"
unset DATABASE_URL PGHOST
BACKEND=sqlite
DB=migrations.db
# The application's connection: foreign keys are per connection in SQLite.
db_sql() { run sqlite3 -batch -noheader -bail -cmd 'PRAGMA foreign_keys=ON' "$DB" "$1"; }
db_changes() { db_sql "$1; SELECT changes();"; }

t "auth writes the migration; migrate applies it to the embedded database"
assert_exit 0 mig auth
assert_contains "$OUT" "Created auth migration -- migrations/"
file=$(ls migrations/*_auth-system.js)
cmp -s "$file" "$MIG_SOURCE_DIR"/migrations/*_auth-system.js || fail "the written migration differs from the one in the repository's migrations/"
assert_exit 0 mig auth
assert_contains "$OUT" "already there"
assert_exit 0 mig migrate
assert_contains "$ERR" "embedded SQLite database migrations.db"
assert_contains "$OUT" "_auth-system"
assert_exit 0 mig status
assert_not_contains "$OUT" "pending"

run_auth_checks "$file"

t "[sqlite] down removes every table, index and row it created; up again restores them"
assert_exit 0 mig rollback
assert_eq 0 "$(auth_table_count)" "auth tables after rollback"
db_is 0 "SELECT count(*) FROM sqlite_master WHERE name NOT IN ('pgmigrations', 'sqlite_sequence') AND name NOT LIKE 'sqlite_autoindex_pgmigrations%'"
db_is 0 "SELECT count(*) FROM pgmigrations"
run_down_checks "$file"
db_is 0 "SELECT count(*) FROM sqlite_master WHERE name NOT IN ('pgmigrations', 'sqlite_sequence') AND name NOT LIKE 'sqlite_autoindex_pgmigrations%'"
assert_exit 0 mig migrate
assert_eq 12 "$(auth_table_count)" "auth tables after up again"
db_is 3 "SELECT count(*) FROM roles"
db_is 13 "SELECT count(*) FROM role_permissions"
db_is 0 "SELECT count(*) FROM users"

t "[sqlite] the TypeScript form applies the same schema"
assert_exit 0 mig auth -j ts -m ts-migrations
tsfile=$(ls ts-migrations/*_auth-system.ts)
assert_contains "$(cat "$tsfile")" "export async function up(pgm: MigrationBuilder): Promise<void> {"
assert_exit 0 mig -m ts-migrations -d sqlite:ts.db migrate
schema_of() { sqlite3 "$1" "SELECT type || ' ' || name || ' ' || tbl_name || ' ' || coalesce(sql, '') FROM sqlite_master WHERE name <> 'pgmigrations' ORDER BY type, name"; }
assert_eq "$(schema_of migrations.db)" "$(schema_of ts.db)" "schema from the ts and js forms"
