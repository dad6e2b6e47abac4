# Per-file loading: a file is read when the plan needs it. A folder with
# one file the static reader cannot read (it requires an application
# module) in the middle, applied by other means (its row inserted, as
# node-pg-migrate would have left it): status shows it with the reason,
# migrate runs the files after it, `migrate N` stopping before it works, a
# migrate or rollback that would run it refuses before anything runs,
# rollback over the others works, and `sql FILE` reads only FILE (plus the
# shorthands of earlier files; SQLite's replay needs them all). status and
# a migrate with nothing to do open no migration file (strace). On SQLite
# and PostgreSQL (MIG_TEST_PG_URL; see tests/ci/postgres-up.sh).
. "$(dirname "$0")/lib.sh"

unset DATABASE_URL PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE PGOPTIONS
command -v sqlite3 >/dev/null || fail "sqlite3 is needed (apt-get install sqlite3)"
# The static reader alone: with Node.js on PATH the default engine would
# evaluate 003 instead (and fail on the missing module, another reason;
# test_node_engine.sh covers that engine).
mig() { "$MIG_BIN" --js-engine static "$@"; }

# The folder: 001 exports a shorthand that 002 and 004 use, so 004 sees it
# across the unreadable 003, as under node-pg-migrate.
make_folder() {
	rm -rf migrations
	mkdir -p migrations
	cat >migrations/001_a.js <<'JS'
exports.shorthands = { ref_a: { type: 'integer', references: 'a' } };
exports.up = (pgm) => { pgm.createTable('a', { id: 'id' }); };
JS
	cat >migrations/002_b.js <<'JS'
exports.up = (pgm) => { pgm.createTable('b', { id: 'id', a_id: 'ref_a' }); };
JS
	cat >migrations/003_dyn.js <<'JS'
const helper = require('../lib/helper');
exports.up = async (pgm) => { await helper.seed(pgm); };
exports.down = false;
JS
	cat >migrations/004_d.js <<'JS'
exports.up = (pgm) => { pgm.createTable('d', { id: 'id', a_id: 'ref_a' }); };
JS
	cat >migrations/005_e.sql <<'SQL'
-- Up Migration
CREATE TABLE e (id integer PRIMARY KEY);
-- Down Migration
DROP TABLE e;
SQL
}

REASON="import of '../lib/helper' at top level (outside the migrations folder): only static files inside the migrations folder can be read without Node.js"
WHERE="migrations/003_dyn.js:1:24"

# opened_files ARGS...: how many migration files (not the folder itself)
# the binary opens when run with ARGS; it must succeed.
opened_files() {
	strace_opens "$@"
	grep -c '"migrations/[^"]' "$WORK/.strace" || true
}

# opened_clients ARGS...: the database client libraries (libpq,
# libmariadb/libmysqlclient) the binary opens when run with ARGS, sorted,
# one a line: the drivers load them when they connect, so a run pays only
# for the one its URL needs (drivers/client_lib.h).
opened_clients() {
	strace_opens "$@"
	grep -v ENOENT "$WORK/.strace" | grep -oE '/lib(pq|mariadb|mysqlclient)\.so[^"]*' | sed 's|^/||; s|\.so.*||' | sort -u || true
}

# scenario NAME URL: the whole story on one database. Needs applied,
# tables, insert_applied and fk_target for that backend.
scenario() {
	local url=$2
	make_folder
	local A=(--js-engine static -m migrations -d "$url")
	local M=(mig "${A[@]}")

	t "$1: status before anything: reads the pending files, names the unreadable one, exits 0"
	assert_exit 0 "${M[@]}" status
	assert_contains "$OUT" "003_dyn  pending  (cannot be read: $WHERE: $REASON"
	assert_contains "$OUT" "004_d    pending"$'\n'
	assert_contains "$ERR" "0 applied, 5 pending, 1 cannot be read"

	t "$1: migrate that would run it refuses before anything runs, naming it"
	assert_exit 2 "${M[@]}" migrate
	assert_contains "$ERR" "$WHERE: $REASON"
	assert_contains "$ERR" 'nothing was run; `migrate 2` applies the 2 migration(s) before 003_dyn'
	assert_eq "" "$(applied)" "nothing recorded"
	assert_eq "" "$(tables)" "no table created"

	t "$1: migrate N that stops before it works"
	assert_exit 0 "${M[@]}" migrate 2
	assert_eq "001_a,002_b" "$(applied)"
	assert_eq "a,b" "$(tables)"
	assert_exit 2 "${M[@]}" migrate
	assert_contains "$ERR" "$WHERE: $REASON"
	assert_contains "$ERR" "nothing was run"
	assert_eq "001_a,002_b" "$(applied)" "the refused migrate recorded nothing"
	assert_eq "a,b" "$(tables)" "the refused migrate created nothing"

	t "$1: applied by another means: status lists it without reading it; --verbose reads it"
	insert_applied 003_dyn
	assert_exit 0 "${M[@]}" status
	assert_not_contains "$OUT" "cannot be read" "status reads no applied file"
	assert_contains "$ERR" "3 applied, 2 pending"
	assert_exit 0 "${M[@]}" status --verbose
	assert_contains "$OUT" "  (cannot be read: $WHERE: $REASON"
	assert_contains "$ERR" "3 applied, 2 pending, 1 cannot be read"
	assert_exit 0 "${M[@]}" status --verbose --json
	assert_contains "$OUT" "{\"name\": \"003_dyn\", \"status\": \"applied\""
	assert_contains "$OUT" "\"unreadable\": \"$WHERE: $REASON"
	assert_not_contains "$(printf '%s\n' "$OUT" | grep 001_a)" "unreadable"

	t "$1: migrate runs the files after it, with the shorthands of the files before it"
	assert_exit 0 "${M[@]}" migrate
	assert_eq "001_a,002_b,003_dyn,004_d,005_e" "$(applied)"
	assert_eq "a,b,d,e" "$(tables)"
	assert_eq "a" "$(fk_target d)" "004_d's ref_a shorthand (from 001_a) is a reference to a"

	t "$1: status and a migrate with nothing to do open no migration file"
	assert_eq 0 "$(opened_files "${A[@]}" status)" "files opened by status"
	assert_eq 0 "$(opened_files "${A[@]}" migrate)" "files opened by a no-op migrate"
	# the count can fail: status --verbose reads every file
	assert_eq 5 "$(opened_files "${A[@]}" status --verbose)" "files opened by status --verbose"

	t "$1: rollback over the others needs only their files"
	assert_exit 0 "${M[@]}" rollback 2
	assert_eq "001_a,002_b,003_dyn" "$(applied)"
	assert_eq "a,b" "$(tables)"

	t "$1: a rollback that would undo it refuses before anything runs"
	assert_exit 2 "${M[@]}" rollback 2
	assert_contains "$ERR" "$WHERE: $REASON"
	assert_contains "$ERR" "nothing was run"
	assert_eq "001_a,002_b,003_dyn" "$(applied)"
	assert_eq "a,b" "$(tables)"

	t "$1: --ignore-pattern leaving out an applied file: the order check says so"
	assert_exit 1 "${M[@]}" migrate --ignore-pattern '003_.*'
	assert_contains "$ERR" "Already run migration 003_dyn has no file: it was deleted, or --ignore-pattern '003_.*' leaves it out"
	assert_not_contains "$ERR" "Not run migration"
	assert_exit 0 "${M[@]}" migrate --ignore-pattern '003_.*' --no-check-order
	assert_eq "001_a,002_b,003_dyn,004_d,005_e" "$(applied)"
}

# ---- SQLite -------------------------------------------------------------------

applied() { sqlite3 lazy.db "SELECT coalesce(group_concat(name, ','), '') FROM (SELECT name FROM pgmigrations ORDER BY run_on, id)"; }
tables() { sqlite3 lazy.db "SELECT coalesce(group_concat(name, ','), '') FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'pgmigrations%' AND name NOT LIKE 'sqlite_%' ORDER BY name)"; }
insert_applied() { sqlite3 lazy.db "INSERT INTO pgmigrations (name, run_on) VALUES ('$1', strftime('%Y-%m-%d %H:%M:%f', 'now'))"; }
fk_target() { sqlite3 lazy.db "SELECT \"table\" FROM pragma_foreign_key_list('$1')"; }
scenario sqlite sqlite:lazy.db

t "sql FILE reads only FILE and the shorthands of the files before it"
make_folder
assert_exit 0 mig -m migrations sql 004_d
assert_contains "$OUT" 'CREATE TABLE "d"'
assert_contains "$OUT" '"a_id" integer REFERENCES "a"'
assert_exit 0 mig -m migrations sql migrations/005_e.sql
assert_contains "$OUT" "CREATE TABLE e (id integer PRIMARY KEY);"
assert_exit 2 mig -m migrations sql 003_dyn
assert_contains "$ERR" "$WHERE: $REASON"

t "sql on the SQLite dialect replays the earlier files, so it needs them all"
assert_exit 0 mig -m migrations sql 002_b --dialect sqlite
assert_contains "$OUT" 'REFERENCES "a"'
assert_exit 2 mig -m migrations sql 004_d --dialect sqlite
assert_contains "$ERR" "$WHERE: the SQLite dialect replays the migrations before 004_d to know the tables as they are, and replaying 003_dyn failed: $REASON"

t "an unreadable earlier file that names shorthands: the later ones are refused, naming it"
make_folder
cat >migrations/003_dyn.js <<'JS'
const helper = require('../lib/helper');
exports.shorthands = helper.shorthands;
exports.up = async (pgm) => { await helper.seed(pgm); };
JS
rm -f lazy.db
assert_exit 0 mig -m migrations -d sqlite:lazy.db migrate 2
insert_applied 003_dyn
assert_exit 2 mig -m migrations -d sqlite:lazy.db migrate
assert_contains "$ERR" "$WHERE: 003_dyn cannot be read, and it may export shorthands, which node-pg-migrate passes on to every later migration (004_d among them): $REASON"
assert_eq "001_a,002_b,003_dyn" "$(applied)"
assert_eq "a,b" "$(tables)"
assert_exit 2 mig -m migrations sql 004_d
assert_contains "$ERR" "003_dyn cannot be read, and it may export shorthands"
# a file before it is not concerned
assert_exit 0 mig -m migrations sql 002_b

t "sqlite: no database client library is loaded"
assert_eq "" "$(opened_clients -m migrations -d sqlite:lazy.db status)" "client libraries opened by status on SQLite"
assert_eq "" "$(opened_clients --version)" "client libraries opened by --version"

# ---- PostgreSQL ---------------------------------------------------------------

[ -n "${MIG_TEST_PG_URL:-}" ] || skip_or_fail "the SQLite half passed; MIG_TEST_PG_URL is not set (eval \"\$(tests/ci/postgres-up.sh)\" starts a server)"
pg_require
pg_scratch_db
applied() { pgq "$PG_DB_URL" "SELECT coalesce(string_agg(name, ',' ORDER BY run_on, id), '') FROM public.pgmigrations"; }
tables() { pgq "$PG_DB_URL" "SELECT coalesce(string_agg(table_name::text, ',' ORDER BY table_name), '') FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE 'pgmigrations%'"; }
insert_applied() { pgq "$PG_DB_URL" "INSERT INTO public.pgmigrations (name, run_on) VALUES ('$1', clock_timestamp())"; }
fk_target() { pgq "$PG_DB_URL" "SELECT confrelid::regclass FROM pg_constraint WHERE conrelid = '$1'::regclass AND contype = 'f'"; }
scenario postgres "$PG_DB_URL"

t "postgres: libpq is loaded when the run connects, and nothing else"
assert_eq "libpq" "$(opened_clients -m migrations -d "$PG_DB_URL" status)" "client libraries opened by status on PostgreSQL"
