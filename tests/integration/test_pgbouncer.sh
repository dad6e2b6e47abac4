# PostgreSQL behind a real PgBouncer in transaction mode (tests/ci/pgbouncer-up.sh):
# the driver sees the pooler (the backend pid libpq got at startup is made up),
# so `auto` takes the lease row instead of node-pg-migrate's session advisory
# lock, which excludes nothing there; 12 runs at once apply each of 20
# migrations exactly once, in either transaction mode; the session settings
# (search_path, lock_timeout) are restated in every transaction and never left
# on a server connection for the pooler's next client.
# Needs MIG_TEST_PG_URL and MIG_TEST_PGBOUNCER_URL.
. "$(dirname "$0")/lib.sh"

pg_require
[ -n "${MIG_TEST_PGBOUNCER_URL:-}" ] ||
	skip_or_fail "MIG_TEST_PGBOUNCER_URL is not set (eval \"\$(tests/ci/pgbouncer-up.sh)\" starts PgBouncer)"
pgq "$MIG_TEST_PGBOUNCER_URL" "SELECT 1" >/dev/null || fail "PgBouncer at MIG_TEST_PGBOUNCER_URL does not answer"
unset DATABASE_URL

# bouncer DB: the pooler's URL for database DB
bouncer() { pg_url_with_db "$MIG_TEST_PGBOUNCER_URL" "$1"; }

new_set() {
	rm -rf migrations
	mkdir -p migrations
	local i
	for i in $(seq -w 1 20); do
		printf -- '-- Up Migration\nCREATE TABLE b_%s (id int PRIMARY KEY);\nINSERT INTO b_%s VALUES (%d);\n-- Down Migration\nDROP TABLE b_%s;\n' \
			"$i" "$i" "$((10#$i))" "$i" >"migrations/17000000000${i}_b$i.sql"
	done
}

# concurrent12 URL ARGS...: 12 runs at once; fails unless all exit 0
concurrent12() {
	local url=$1 p failed=0 pids=()
	shift
	rm -f out.* err.*
	for k in $(seq 1 12); do
		"$MIG_BIN" migrate --database-url "$url" --lock-wait 120 "$@" >"out.$k" 2>"err.$k" &
		pids+=($!)
	done
	for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
	[ $failed = 0 ] || { cat err.* >&2; fail "$failed of 12 concurrent runs failed"; }
}

t "behind the pooler auto takes the lease, not the advisory lock, and releases it"
pg_scratch_db DB
new_set
assert_exit 0 mig --database-url "$(bouncer "$DB")" migrate 1
assert_eq 1 "$(pgq "$DB_URL" "SELECT count(*) FROM pgmigrations")"
assert_eq 0 "$(pgq "$DB_URL" "SELECT count(*) FROM pgmigrations_lock")" "the lease row is gone after the run"
# straight to the server the advisory lock stays the choice (no lock table)
pg_scratch_db DIRECT
assert_exit 0 mig --database-url "$DIRECT_URL" migrate 1
assert_eq "" "$(pgq "$DIRECT_URL" "SELECT to_regclass('pgmigrations_lock')")" "no lease table without a pooler"
assert_exit 0 mig --database-url "$(bouncer "$DB")" migrate 1 --lock-strategy session
assert_contains "$ERR" "--lock-strategy session behind a connection pooler"

t "12 concurrent runs through the pooler apply each of 20 migrations exactly once (one transaction per run)"
pg_scratch_db DB
new_set
concurrent12 "$(bouncer "$DB")"
assert_eq 20 "$(cat out.* | grep -cE '^(applied|ran) ' || true)" "migrations applied over all runs"
assert_eq "20|20" "$(pgq "$DB_URL" "SELECT count(*), count(DISTINCT name) FROM pgmigrations")"

t "... and with one transaction per migration"
pg_scratch_db DB
new_set
concurrent12 "$(bouncer "$DB")" --no-single-transaction
assert_eq 20 "$(cat out.* | grep -cE '^(applied|ran) ' || true)" "migrations applied over all runs"
assert_eq "20|20" "$(pgq "$DB_URL" "SELECT count(*), count(DISTINCT name) FROM pgmigrations")"
assert_eq 0 "$(pgq "$DB_URL" "SELECT count(*) FROM pgmigrations_lock")"

t "session settings hold in every transaction and stay off the pooler's server connections"
pg_scratch_db DB
rm -rf migrations && mkdir migrations
for i in 1 2 3 4; do
	printf -- "-- Up Migration\nCREATE TABLE seen_$i (search_path text, lock_timeout text);\nINSERT INTO seen_$i VALUES (current_setting('search_path'), current_setting('lock_timeout'));\n-- Down Migration\nDROP TABLE seen_$i;\n" \
		>"migrations/170000000000${i}_seen$i.sql"
done
# other clients keep the pool busy, so consecutive transactions of the run
# land on different server connections
pgq "$(bouncer "$DB")" "SELECT 1" >/dev/null
for k in 1 2 3; do (for j in $(seq 1 40); do pgq "$(bouncer "$DB")" "SELECT pg_sleep(0.02)" >/dev/null 2>&1; done) & done
assert_exit 0 mig --database-url "$(bouncer "$DB")" migrate --no-single-transaction -s app --create-schema --lock-timeout 7s
wait
for i in 1 2 3 4; do
	assert_eq 'app|7s' "$(pgq "$DB_URL" "SELECT search_path, lock_timeout FROM app.seen_$i")" "settings seen by migration $i"
done
for k in $(seq 1 10); do
	got=$(pgq "$(bouncer "$DB")" "SELECT current_setting('lock_timeout') || ' ' || current_setting('search_path')")
	assert_not_contains "$got" "7s" "a server connection kept the run's lock_timeout"
	assert_not_contains "$got" "app" "a server connection kept the run's search_path"
done
