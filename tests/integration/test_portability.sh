# One migration history (tests/fixtures/portable/migrations: a dozen
# node-pg-migrate JavaScript files that create, alter, constrain, rename
# and partly drop tables, with data inserted early) applied to SQLite, to
# PostgreSQL and to MySQL/MariaDB; the schemas are dumped in one normalised form by
# tests/tools/schema_dump.py (tables, columns, nullability, defaults,
# primary keys, unique sets, foreign keys with actions, indexes, checks,
# row counts, enums, views) and must be identical -- after the full run,
# after rolling back the last three migrations, after rolling back
# everything, and after applying all again.
#
# The SQLite half always runs and is compared with the committed dump
# (tests/fixtures/portable/expected-schema.txt, made from PostgreSQL); the
# server halves need their servers (MIG_TEST_PG_URL and MIG_TEST_MYSQL_URL,
# see tests/ci/postgres-up.sh and tests/ci/mysql-up.sh).
. "$(dirname "$0")/lib.sh"

command -v python3 >/dev/null || fail "python3 is needed by tests/tools/schema_dump.py"
FIX=$MIG_SOURCE_DIR/tests/fixtures/portable
DUMP=$MIG_SOURCE_DIR/tests/tools/schema_dump.py
SQ_URL=sqlite:$WORK/portable.db

export -n DATABASE_URL 2>/dev/null || true
unset DATABASE_URL

# on URL ARGS...: run the binary on the fixture history
on() {
	local url=$1
	shift
	assert_exit 0 mig --database-url "$url" -m "$FIX/migrations" --decamelize "$@"
}

dump_sqlite() { python3 "$DUMP" sqlite "$WORK/portable.db" >"$WORK/$1" || fail "schema_dump.py sqlite failed"; }
dump_pg() { python3 "$DUMP" postgres "$PG_DB_URL" >"$WORK/$1" || fail "schema_dump.py postgres failed"; }
dump_my() { python3 "$DUMP" mysql "$MY_DB_URL" >"$WORK/$1" || fail "schema_dump.py mysql failed"; }

same() { # same A B WHAT: the two dumps are identical
	if ! diff -u "$WORK/$1" "$WORK/$2" >"$WORK/diff.txt"; then
		cat "$WORK/diff.txt" >&2
		fail "$3: the schemas differ (diff above)"
	fi
}

HAVE_PG=false
if [ -n "${MIG_TEST_PG_URL:-}" ]; then
	pg_require
	pg_scratch_db PG_DB
	HAVE_PG=true
fi
HAVE_MY=false
if [ -n "${MIG_TEST_MYSQL_URL:-}" ]; then
	my_require
	my_scratch_db MY_DB
	HAVE_MY=true
fi

t "SQLite: the whole history applies, and the schema is the expected one"
on "$SQ_URL" migrate
assert_contains "$OUT" "Migrations complete! (12 in"
assert_contains "$ERR" 'createExtension "pgcrypto" skipped: SQLite has no extensions'
dump_sqlite sqlite-full.txt
cp "$FIX/expected-schema.txt" "$WORK/expected.txt"
same expected.txt sqlite-full.txt "SQLite vs tests/fixtures/portable/expected-schema.txt"

t "SQLite: the offline sql command replays the history"
assert_exit 0 mig -m "$FIX/migrations" --decamelize sql 1700000000011_order-status --dialect sqlite
assert_contains "$OUT" "UPDATE orders SET note = '' WHERE note IS NULL;"
assert_contains "$OUT" '"note" TEXT CONSTRAINT "type:varchar(500)" CHECK (length("note") <= 500) DEFAULT '"''"' NOT NULL'

if $HAVE_PG; then
	t "PostgreSQL: the same history gives the same schema and rows"
	on "$PG_DB_URL" migrate
	dump_pg pg-full.txt
	same pg-full.txt sqlite-full.txt "PostgreSQL vs SQLite after the full history"
fi
if $HAVE_MY; then
	t "MySQL/MariaDB: the same history gives the same schema and rows"
	on "$MY_DB_URL" migrate
	dump_my my-full.txt
	same my-full.txt sqlite-full.txt "MySQL vs SQLite after the full history"
fi

t "rolling back the last three migrations"
on "$SQ_URL" rollback 3
dump_sqlite sqlite-3.txt
assert_contains "$(cat "$WORK/sqlite-3.txt")" "unique users_uniq_display_name (display_name)"
assert_not_contains "$(cat "$WORK/sqlite-3.txt")" "table audit_log"
if $HAVE_PG; then
	on "$PG_DB_URL" rollback 3
	dump_pg pg-3.txt
	same pg-3.txt sqlite-3.txt "PostgreSQL vs SQLite after rolling back three"
fi
if $HAVE_MY; then
	on "$MY_DB_URL" rollback 3
	dump_my my-3.txt
	same my-3.txt sqlite-3.txt "MySQL vs SQLite after rolling back three"
fi

t "rolling back everything leaves nothing behind"
on "$SQ_URL" rollback 0
dump_sqlite sqlite-0.txt
assert_eq "" "$(tr -d '\n' <"$WORK/sqlite-0.txt")" "SQLite schema after rolling back everything"
if $HAVE_PG; then
	on "$PG_DB_URL" rollback 0
	dump_pg pg-0.txt
	same pg-0.txt sqlite-0.txt "PostgreSQL vs SQLite after rolling back everything"
fi
if $HAVE_MY; then
	on "$MY_DB_URL" rollback 0
	dump_my my-0.txt
	same my-0.txt sqlite-0.txt "MySQL vs SQLite after rolling back everything"
fi

t "applying everything again"
on "$SQ_URL" migrate
dump_sqlite sqlite-again.txt
same expected.txt sqlite-again.txt "SQLite after re-applying"
if $HAVE_PG; then
	on "$PG_DB_URL" migrate
	dump_pg pg-again.txt
	same pg-again.txt sqlite-again.txt "PostgreSQL vs SQLite after re-applying"
fi
if $HAVE_MY; then
	on "$MY_DB_URL" migrate
	dump_my my-again.txt
	same my-again.txt sqlite-again.txt "MySQL vs SQLite after re-applying"
fi

if ! $HAVE_PG; then
	echo "note: the SQLite half passed; the PostgreSQL half needs MIG_TEST_PG_URL" >&2
	skip_or_fail "MIG_TEST_PG_URL is not set (eval \"\$(tests/ci/postgres-up.sh)\" starts a server)"
fi
if ! $HAVE_MY; then
	echo "note: the MySQL half needs MIG_TEST_MYSQL_URL" >&2
	skip_or_fail "MIG_TEST_MYSQL_URL is not set (eval \"\$(tests/ci/mysql-up.sh)\" starts a server)"
fi
