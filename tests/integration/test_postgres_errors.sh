# Bad input and run-time failures on PostgreSQL: unreachable servers, wrong
# passwords (never printed), failing statements (everything rolled back,
# the statement shown with a caret), the advisory lock (held, waited for,
# released on every exit path), deleted migration files, and the lock /
# statement timeouts. Needs MIG_TEST_PG_URL (see tests/ci/postgres-up.sh).
. "$(dirname "$0")/lib.sh"

pg_require
unset DATABASE_URL PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE PGOPTIONS PGSSLMODE PGCONNECT_TIMEOUT
command -v perl >/dev/null || fail "perl is needed for the test's fake servers"

new_set() {
	rm -rf migrations
	mkdir -p migrations
	local i
	for i in 1 2 3; do
		cat >"migrations/170000000000${i}_t${i}.sql" <<SQL
-- Up Migration
CREATE TABLE t${i} (id integer PRIMARY KEY);

-- Down Migration
DROP TABLE t${i};
SQL
	done
}

applied() {
	pgq "$1" "SELECT coalesce(string_agg(name, ',' ORDER BY run_on, id), '') FROM public.pgmigrations"
}

tables() {
	pgq "$1" "SELECT coalesce(string_agg(table_name::text, ',' ORDER BY table_name), '') FROM information_schema.tables WHERE table_schema = 'public'"
}

now_ms() { date +%s%3N; }

# A loopback port nothing listens on (bound once, then closed).
closed_port() {
	perl -MIO::Socket::INET -e 'my $s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => 0, Listen => 1) or die; print $s->sockport, "\n"'
}

# A "server" that accepts connections and never says a word.
start_silent_server() {
	perl -MIO::Socket::INET -e '
		my $s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => 0, Listen => 16, ReuseAddr => 1) or die;
		open(my $f, ">", $ARGV[0]) or die; print $f $s->sockport, "\n"; close $f;
		my @keep; while (1) { my $c = $s->accept; push @keep, $c if $c; }' "$WORK/silent.port" &
	SILENT_PID=$!
	on_exit "kill $SILENT_PID"
	local i
	for ((i = 0; i < 50; i++)); do
		[ -s "$WORK/silent.port" ] && break
		sleep 0.1
	done
	SILENT_PORT=$(cat "$WORK/silent.port")
}

[ -n "${MIG_TEST_PG_PASSWORD_URL:-}" ] && [ -n "${MIG_TEST_PG_PASSWORD:-}" ] ||
	fail "MIG_TEST_PG_PASSWORD_URL and MIG_TEST_PG_PASSWORD must be set with MIG_TEST_PG_URL (tests/ci/postgres-up.sh prints them)"
PW=$MIG_TEST_PG_PASSWORD
PW_ENC=${MIG_TEST_PG_PASSWORD_URL#*://mig:}
PW_ENC=${PW_ENC%%@*}
# assert_no_secret TEXT...: no form of a password appears
assert_no_secret() {
	local text secret
	for text in "$@"; do
		for secret in "$PW" "$PW_ENC" WrongPass-42; do
			[ -z "$secret" ] || assert_not_contains "$text" "$secret" "output (a password)"
		done
	done
}

t "unreachable server (closed port): a clear message at once, exit 1"
new_set
port=$(closed_port)
t0=$(now_ms)
assert_exit 1 mig --database-url "postgres://mig:WrongPass-42@127.0.0.1:$port/db" migrate
elapsed=$(($(now_ms) - t0))
assert_contains "$ERR" "cannot connect to PostgreSQL postgres://mig:****@127.0.0.1:$port/db"
assert_contains "$ERR" "Connection refused"
assert_no_secret "$OUT" "$ERR"
[ "$elapsed" -lt 5000 ] || fail "a refused connection took $elapsed ms"

t "a server that never answers: gives up after --connect-timeout"
start_silent_server
t0=$(now_ms)
assert_exit 1 mig --database-url "postgres://u@127.0.0.1:$SILENT_PORT/db" --connect-timeout 2 status
elapsed=$(($(now_ms) - t0))
assert_contains "$ERR" "timeout expired"
[ "$elapsed" -ge 1900 ] && [ "$elapsed" -lt 8000 ] || fail "--connect-timeout 2 gave up after $elapsed ms"
# a connect_timeout in the URL wins over the flag
t0=$(now_ms)
assert_exit 1 mig --database-url "postgres://u@127.0.0.1:$SILENT_PORT/db?connect_timeout=3" --connect-timeout 20 status
elapsed=$(($(now_ms) - t0))
[ "$elapsed" -ge 2900 ] && [ "$elapsed" -lt 10000 ] || fail "connect_timeout=3 gave up after $elapsed ms"

t "wrong password: a clear message, exit 1, the password never printed"
pg_scratch_db DB
pgq "$DB_URL" "GRANT ALL ON SCHEMA public TO mig" >/dev/null
base=${MIG_TEST_PG_PASSWORD_URL%/*}
port=${base##*:}
assert_exit 1 mig --database-url "postgres://mig:WrongPass-42@127.0.0.1:$port/$DB" migrate
assert_contains "$ERR" 'password authentication failed for user "mig"'
assert_contains "$ERR" "postgres://mig:****@127.0.0.1:$port/$DB"
assert_no_secret "$OUT" "$ERR"
assert_exit 1 mig --database-url "host=127.0.0.1 port=$port user=mig password=WrongPass-42 dbname=$DB" migrate
assert_contains "$ERR" 'password authentication failed for user "mig"'
assert_contains "$ERR" "password=****"
assert_no_secret "$OUT" "$ERR"
PGPASSWORD=WrongPass-42 assert_exit 1 mig --database-url "postgres://mig@127.0.0.1:$port/$DB" migrate
assert_contains "$ERR" 'password authentication failed for user "mig"'
assert_no_secret "$OUT" "$ERR"
assert_exit 1 mig --database-url "postgres://mig@127.0.0.1:$port/$DB" migrate
assert_contains "$ERR" "no password supplied"
# the right password: the whole run, verbose, says nothing about it either
assert_exit 0 mig --database-url "$(pg_url_with_db "$MIG_TEST_PG_PASSWORD_URL" "$DB")" -v migrate
assert_contains "$OUT" "Migrations complete!"
assert_no_secret "$OUT" "$ERR"
assert_exit 0 mig --database-url "$(pg_url_with_db "$MIG_TEST_PG_PASSWORD_URL" "$DB")" status --json
assert_no_secret "$OUT" "$ERR"
# bad input that carries a password: exit 2, password masked
assert_exit 2 mig --database-url "postgres://mig:$PW_ENC@127.0.0.1:$port/$DB?bogus_option=1" status
assert_contains "$ERR" "bogus_option"
assert_no_secret "$OUT" "$ERR"
assert_exit 2 mig --database-url "postgres://mig:$PW_ENC@127.0.0.1:notaport/$DB" status
assert_no_secret "$OUT" "$ERR"

t "a statement failing mid-run: all rolled back, nothing recorded, statement and caret shown"
pg_scratch_db DB
new_set
cat >migrations/1700000000002_t2.sql <<'SQL'
-- Up Migration
CREATE TABLE t2 (id integer PRIMARY KEY);
INSERT INTO t2 VALUES (1);
SELECT id FROM t2 WHERE idd = 1;
INSERT INTO t2 VALUES (2);

-- Down Migration
DROP TABLE t2;
SQL
assert_exit 1 mig --database-url "$DB_URL" migrate
assert_eq "" "$(applied "$DB_URL")" "recorded"
assert_eq "pgmigrations" "$(tables "$DB_URL")" "tables left behind"
assert_contains "$ERR" "migrations/1700000000002_t2.sql:4: migration 1700000000002_t2 failed: column \"idd\" does not exist"
assert_contains "$ERR" "rolled back"
stmt_line=$(printf '%s\n' "$ERR" | grep -m1 '^  statement: ')
assert_eq "  statement: SELECT id FROM t2 WHERE idd = 1;" "$stmt_line"
caret_line=$(printf '%s\n' "$ERR" | grep -A1 -m1 '^  statement: ' | sed -n 2p)
want=${stmt_line%%idd = 1;*}
assert_eq "${#want}" "$((${#caret_line} - 1))" "caret column"
assert_eq "^" "${caret_line: -1}" "caret"

t "a run-time error inside a multi-statement step names that statement"
cat >migrations/1700000000002_t2.sql <<'SQL'
-- Up Migration
CREATE TABLE t2 (id integer PRIMARY KEY);
INSERT INTO t2 VALUES (1);
INSERT INTO t2 VALUES (1);
INSERT INTO t2 VALUES (2);

-- Down Migration
DROP TABLE t2;
SQL
assert_exit 1 mig --database-url "$DB_URL" migrate
# the second INSERT (line 4) is the one that fails, although its text
# is the same as the first one's
assert_contains "$ERR" 'duplicate key value violates unique constraint "t2_pkey"'
assert_contains "$ERR" "migrations/1700000000002_t2.sql:4:"
assert_contains "$ERR" "  statement: INSERT INTO t2 VALUES (1);"
assert_contains "$ERR" "  detail: Key (id)=(1) already exists."
assert_eq "" "$(applied "$DB_URL")"
assert_eq "pgmigrations" "$(tables "$DB_URL")"

t "a syntax error: the caret under the offending word"
cat >migrations/1700000000002_t2.sql <<'SQL'
-- Up Migration
CREATE TABLE t2 (id integer PRIMARY KEY);
CREAT TABLE t2b (id integer);

-- Down Migration
DROP TABLE t2;
SQL
assert_exit 1 mig --database-url "$DB_URL" migrate
assert_contains "$ERR" 'syntax error at or near "CREAT"'
assert_contains "$ERR" "  statement: CREAT TABLE t2b (id integer);"
assert_contains "$ERR" "$(printf '\n             ^\n')"
assert_eq "" "$(applied "$DB_URL")"

t "another session holds the advisory lock: exit 1 at once and say so"
pg_scratch_db DB
new_set
pg_session_start holder "$DB_URL"
pg_session_send holder "SELECT pg_advisory_lock(7241865325823964);"
pg_wait_for "$DB_URL" "SELECT count(*) = 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
t0=$(now_ms)
assert_exit 1 mig --database-url "$DB_URL" migrate
assert_contains "$ERR" "Another migration is already running. Advisory lock mode is set to 'fail'."
assert_contains "$ERR" "held by server process"
assert_contains "$ERR" "--lock-wait"
assert_exit 1 mig --database-url "$DB_URL" rollback
assert_contains "$ERR" "Another migration is already running."
[ $(($(now_ms) - t0)) -lt 5000 ] || fail "failing on a held lock was not immediate"
assert_eq "" "$(applied "$DB_URL" 2>/dev/null || true)"

t "--lock-wait SECONDS gives up after that long"
t0=$(now_ms)
assert_exit 1 mig --database-url "$DB_URL" --lock-wait 1.5 migrate
elapsed=$(($(now_ms) - t0))
assert_contains "$ERR" "still held after waiting 1.5 s"
[ "$elapsed" -ge 1400 ] && [ "$elapsed" -lt 6000 ] || fail "--lock-wait 1.5 gave up after $elapsed ms"

t "--advisory-lock-mode wait is still bounded by --lock-timeout"
t0=$(now_ms)
assert_exit 1 mig --database-url "$DB_URL" --advisory-lock-mode wait --lock-timeout 1s migrate
elapsed=$(($(now_ms) - t0))
assert_contains "$ERR" "gave up waiting for the advisory lock 7241865325823964 (canceling statement due to lock timeout)"
[ "$elapsed" -ge 900 ] && [ "$elapsed" -lt 6000 ] || fail "the bounded wait took $elapsed ms"

t "--no-lock and another --lock-value do not wait for it; status never locks"
assert_exit 0 mig --database-url "$DB_URL" --no-lock migrate 1
assert_eq 1700000000001_t1 "$(applied "$DB_URL")"
assert_exit 0 mig --database-url "$DB_URL" --lock-value 42 migrate 1
assert_eq 1700000000001_t1,1700000000002_t2 "$(applied "$DB_URL")"
assert_exit 0 mig --database-url "$DB_URL" status

t "--lock-wait: the run proceeds once the holder lets go"
timeout 60 "$MIG_BIN" --database-url "$DB_URL" --lock-wait 30 migrate >"$WORK/waiter.out" 2>&1 &
waiter=$!
on_exit "kill $waiter"
pg_wait_for "$DB_URL" "SELECT count(*) = 1 FROM pg_stat_activity WHERE application_name = 'migrations' AND datname = current_database()"
sleep 0.5
kill -0 "$waiter" 2>/dev/null || fail "the waiting run did not wait: $(cat "$WORK/waiter.out")"
pg_session_send holder "SELECT pg_advisory_unlock(7241865325823964);"
wait "$waiter" || fail "the waiting run failed: $(cat "$WORK/waiter.out")"
assert_eq 1700000000001_t1,1700000000002_t2,1700000000003_t3 "$(applied "$DB_URL")"

t "--advisory-lock-mode wait (node-pg-migrate's spelling) waits without limit"
pg_session_send holder "SELECT pg_advisory_lock(7241865325823964);"
pg_wait_for "$DB_URL" "SELECT count(*) = 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
timeout 60 "$MIG_BIN" --database-url "$DB_URL" --advisory-lock-mode wait rollback >"$WORK/waiter.out" 2>&1 &
waiter=$!
on_exit "kill $waiter"
sleep 1
kill -0 "$waiter" 2>/dev/null || fail "the waiting run did not wait: $(cat "$WORK/waiter.out")"
pg_session_end holder
wait "$waiter" || fail "the waiting run failed: $(cat "$WORK/waiter.out")"
assert_eq 1700000000001_t1,1700000000002_t2 "$(applied "$DB_URL")"

t "the lock is released on every exit path (seen in the server log)"
if [ -z "${MIG_TEST_PG_LOG:-}" ] || [ ! -r "$MIG_TEST_PG_LOG" ]; then
	echo "    (skipped: MIG_TEST_PG_LOG is not a readable server log)"
else
	pg_scratch_db DB
	new_set
	pgq "$MIG_TEST_PG_URL" "ALTER DATABASE $DB SET log_statement = 'all'" >/dev/null
	key=$((RANDOM * 32768 + RANDOM + 1000000))
	# expect_unlocked KEY: the unlock query reached the server, and the
	# next run takes the lock at once
	expect_unlocked() {
		local tries
		for ((tries = 0; tries < 50; tries++)); do
			grep -q "pg_advisory_unlock($1) AS \"lockReleased\"" "$MIG_TEST_PG_LOG" && break
			sleep 0.1
		done
		grep -q "pg_try_advisory_lock($1) AS \"lockObtained\"" "$MIG_TEST_PG_LOG" ||
			fail "no lock query with key $1 in the server log"
		grep -q "pg_advisory_unlock($1) AS \"lockReleased\"" "$MIG_TEST_PG_LOG" ||
			fail "no unlock with key $1 in the server log"
	}
	# 1. a failing statement in the single transaction
	cp migrations/1700000000002_t2.sql "$WORK/t2.sql"
	printf -- '-- Up Migration\nSELECT 1/0;\n-- Down Migration\nSELECT 1;\n' >migrations/1700000000002_t2.sql
	assert_exit 1 mig --database-url "$DB_URL" --lock-value $key migrate
	expect_unlocked $key
	# 2. the same with --no-single-transaction (the session is in an aborted transaction)
	assert_exit 1 mig --database-url "$DB_URL" --lock-value $((key + 1)) --no-single-transaction migrate
	expect_unlocked $((key + 1))
	assert_eq 1700000000001_t1 "$(applied "$DB_URL")"
	cp "$WORK/t2.sql" migrations/1700000000002_t2.sql
	assert_exit 0 mig --database-url "$DB_URL" --lock-value $((key + 2)) migrate
	expect_unlocked $((key + 2))
	# 3. a check-order failure
	printf -- '-- Up Migration\nSELECT 1;\n' >migrations/1700000000000_early.sql
	assert_exit 1 mig --database-url "$DB_URL" --lock-value $((key + 3)) migrate
	assert_contains "$ERR" "Not run migration 1700000000000_early is preceding already run migration 1700000000001_t1"
	expect_unlocked $((key + 3))
	rm migrations/1700000000000_early.sql
	# 4. an irreversible rollback (a .sql file without a down section)
	printf -- 'CREATE TABLE t4 (id integer);\n' >migrations/1700000000004_t4.sql
	assert_exit 0 mig --database-url "$DB_URL" migrate
	assert_exit 1 mig --database-url "$DB_URL" --lock-value $((key + 4)) rollback
	expect_unlocked $((key + 4))
	# 5. deleted definitions
	rm migrations/1700000000004_t4.sql
	assert_exit 1 mig --database-url "$DB_URL" --lock-value $((key + 5)) rollback
	expect_unlocked $((key + 5))
	# and after all that, a run gets the default lock at once
	assert_exit 0 mig --database-url "$DB_URL" status
	assert_contains "$OUT" "(file missing)"
fi

t "a recorded migration whose file is gone: node-pg-migrate's refusal on rollback"
pg_scratch_db DB
new_set
assert_exit 0 mig --database-url "$DB_URL" migrate
mv migrations/1700000000003_t3.sql "$WORK/"
mv migrations/1700000000002_t2.sql "$WORK/"
assert_exit 1 mig --database-url "$DB_URL" rollback
assert_contains "$ERR" "Definitions of migrations 1700000000003_t3 have been deleted."
assert_exit 1 mig --database-url "$DB_URL" --no-check-order rollback 2
assert_contains "$ERR" "Definitions of migrations 1700000000003_t3, 1700000000002_t2 have been deleted."
assert_eq 1700000000001_t1,1700000000002_t2,1700000000003_t3 "$(applied "$DB_URL")" "nothing rolled back"
assert_eq "pgmigrations,t1,t2,t3" "$(tables "$DB_URL")"
assert_exit 0 mig --database-url "$DB_URL" status
assert_contains "$OUT" "1700000000003_t3"
assert_contains "$OUT" "(file missing)"

t "--lock-timeout: a statement waiting for a table lock gives up"
pg_scratch_db DB
new_set
assert_exit 0 mig --database-url "$DB_URL" migrate
printf -- '-- Up Migration\nALTER TABLE t1 ADD COLUMN x integer;\n-- Down Migration\nALTER TABLE t1 DROP COLUMN x;\n' >migrations/1700000000004_alter.sql
pg_session_start blocker "$DB_URL"
pg_session_send blocker "BEGIN; LOCK TABLE t1 IN ACCESS EXCLUSIVE MODE;"
pg_wait_for "$DB_URL" "SELECT count(*) = 1 FROM pg_locks WHERE database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND relation = 't1'::regclass AND mode = 'AccessExclusiveLock' AND granted"
t0=$(now_ms)
assert_exit 1 mig --database-url "$DB_URL" --lock-timeout 1s migrate
elapsed=$(($(now_ms) - t0))
assert_contains "$ERR" "canceling statement due to lock timeout"
assert_contains "$ERR" "ALTER TABLE t1 ADD COLUMN x integer;"
[ "$elapsed" -lt 8000 ] || fail "--lock-timeout 1s took $elapsed ms"
assert_eq 1700000000001_t1,1700000000002_t2,1700000000003_t3 "$(applied "$DB_URL")"
pg_session_end blocker
assert_exit 0 mig --database-url "$DB_URL" --lock-timeout 1s migrate
assert_eq 1 "$(pgq "$DB_URL" "SELECT count(*) FROM information_schema.columns WHERE table_name = 't1' AND column_name = 'x'")"

t "--statement-timeout: a statement running too long is cancelled"
printf -- '-- Up Migration\nSELECT pg_sleep(10);\n-- Down Migration\nSELECT 1;\n' >migrations/1700000000005_slow.sql
t0=$(now_ms)
assert_exit 1 mig --database-url "$DB_URL" --statement-timeout 1s migrate
elapsed=$(($(now_ms) - t0))
assert_contains "$ERR" "canceling statement due to statement timeout"
[ "$elapsed" -lt 8000 ] || fail "--statement-timeout 1s took $elapsed ms"
assert_eq 1700000000001_t1,1700000000002_t2,1700000000003_t3,1700000000004_alter "$(applied "$DB_URL")"
rm migrations/1700000000005_slow.sql

t "bad --lock-timeout / --statement-timeout values are bad input (exit 2)"
assert_exit 2 mig --database-url "$DB_URL" --lock-timeout soon migrate
assert_contains "$ERR" "lock_timeout"
assert_exit 2 mig --database-url "$DB_URL" --statement-timeout "1s'; DROP TABLE t1; --" migrate
assert_contains "$ERR" "statement_timeout"
assert_eq 1 "$(pgq "$DB_URL" "SELECT count(*) FROM information_schema.tables WHERE table_name = 't1'")" "the value stayed a literal"
