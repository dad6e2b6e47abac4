# SIGKILL at random points of a run, on SQLite, PostgreSQL and MariaDB, in
# every transaction mode: one transaction for the run (the default), one
# per migration (--no-single-transaction), and a set where every third
# migration runs outside a transaction (noTransaction()). On MariaDB every
# migration runs outside one (DDL commits at once), its steps sent in texts
# of several statements with the journal's counts between them. After each kill the state
# table must agree with the schema: every recorded migration's table exists
# with all its rows, no table exists whose migration is not recorded, the
# recorded ones are a prefix of the files, except for one migration the
# journal keeps as interrupted (only outside a transaction). That one is put
# right by hand (its table dropped, `repair --pending`), and a migrate then
# applies everything.
# Needs MIG_TEST_PG_URL and MIG_TEST_MYSQL_URL (tests/ci/*-up.sh); SQLite is
# embedded.
. "$(dirname "$0")/lib.sh"

pg_require
my_require
command -v sqlite3 >/dev/null || fail "the sqlite3 command-line shell is needed (apt-get install sqlite3)"
unset DATABASE_URL
N=24      # migrations per set
ROWS=4000 # rows each migration inserts (so a run takes long enough to be hit)
KILLS=${MIG_CRASH_KILLS:-8} # kills per engine and mode

# make_set DIR ENGINE NOTX: N JavaScript migrations; with NOTX every third
# one runs outside a transaction
make_set() {
	local dir=$1 engine=$2 notx=$3 i name fill
	rm -rf "$dir"
	mkdir -p "$dir"
	for i in $(seq 1 $N); do
		name=$(printf 'c_%02d' "$i")
		if [ "$engine" = sqlite ]; then
			fill="WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $ROWS) INSERT INTO $name (id) SELECT i FROM s"
		elif [ "$engine" = mysql ]; then
			fill="INSERT INTO $name (id) SELECT seq FROM seq_1_to_$ROWS"
		else
			fill="INSERT INTO $name (id) SELECT generate_series(1, $ROWS)"
		fi
		{
			echo "exports.up = (pgm) => {"
			[ "$notx" = 1 ] && [ $((i % 3)) = 0 ] && echo "  pgm.noTransaction();"
			echo "  pgm.createTable('$name', { id: { type: 'integer', notNull: true } });"
			echo "  pgm.sql('$fill');"
			echo "  pgm.createIndex('$name', 'id');"
			echo "};"
			echo "exports.down = (pgm) => { pgm.dropTable('$name'); };"
		} >"$dir/$((1700000000000 + i))_$name.js"
	done
}

# engine-specific reads: q SQL prints one value
q() {
	case $ENGINE in
	sqlite) sqlite3 -batch -noheader -cmd ".timeout 5000" "$DBFILE" "$1" ;;
	mysql) myq "$MYDB" "$1" ;;
	*) pgq "$URL" "$1" ;;
	esac
}
has_table() {
	if [ "$ENGINE" = sqlite ]; then
		q "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '$1'"
	elif [ "$ENGINE" = mysql ]; then
		q "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '$1'"
	else
		q "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '$1'"
	fi
}
has_journal() {
	if [ "$ENGINE" = sqlite ]; then
		q "SELECT count(*) FROM sqlite_master WHERE name = 'pgmigrations_journal'"
	elif [ "$ENGINE" = mysql ]; then
		has_table pgmigrations_journal
	else
		q "SELECT count(*) FROM pg_tables WHERE tablename = 'pgmigrations_journal'"
	fi
}
has_state() {
	if [ "$ENGINE" = sqlite ]; then
		q "SELECT count(*) FROM sqlite_master WHERE name = 'pgmigrations'"
	elif [ "$ENGINE" = mysql ]; then
		has_table pgmigrations
	else
		q "SELECT count(*) FROM pg_tables WHERE tablename = 'pgmigrations'"
	fi
}

# tables: the c_NN tables that exist, one "name rows" a line (two queries)
tables() {
	local list sql="" t
	if [ "$ENGINE" = sqlite ]; then
		list=$(q "SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'c_[0-9][0-9]' ORDER BY name")
	elif [ "$ENGINE" = mysql ]; then
		list=$(q "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name REGEXP '^c_[0-9]{2}$' ORDER BY 1")
	else
		list=$(q "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename ~ '^c_[0-9]{2}$' ORDER BY 1")
	fi
	for t in $list; do
		if [ "$ENGINE" = mysql ]; then
			sql="${sql:+$sql UNION ALL }SELECT concat('$t', ' ', count(*)) FROM $t" # || is OR there
		else
			sql="${sql:+$sql UNION ALL }SELECT '$t' || ' ' || count(*) FROM $t"
		fi
	done
	[ -z "$sql" ] || q "$sql"
}

# check_consistent: state = schema, but for the journal's migration, which
# is then put right by hand; FIXED = 1 when one was
check_consistent() {
	local recorded="" journal="" existing i name rec prefix_ok=1 gap=0
	FIXED=0
	[ -f "${DBFILE:-/nonexistent}" ] || [ "$ENGINE" != sqlite ] || return 0
	[ "$(has_state)" = 1 ] && recorded=" $(q "SELECT name FROM pgmigrations ORDER BY id" | tr '\n' ' ')"
	# the journal's rows that stand: a running row the state table agrees
	# with is complete (its record went after its last statement; a run
	# killed before its end-of-run prune leaves such rows)
	[ "$(has_journal)" = 1 ] && journal=$(q "SELECT name FROM pgmigrations_journal WHERE NOT (state = 'running' AND ((direction = 'up' AND name IN (SELECT name FROM pgmigrations)) OR (direction = 'down' AND name NOT IN (SELECT name FROM pgmigrations))))")
	[ "$(printf '%s' "$journal" | grep -c .)" -le 1 ] || fail "[$ENGINE $MODE] more than one journal row: $journal"
	existing=" $(tables | tr '\n' ',')"
	for i in $(seq 1 $N); do
		name=$(printf 'c_%02d' "$i")
		rec=0
		case "$recorded" in *" $((1700000000000 + i))_$name "*) rec=1 ;; esac
		[ $rec = 1 ] && [ $gap = 1 ] && prefix_ok=0
		[ $rec = 0 ] && gap=1
		if [ "$journal" = "$((1700000000000 + i))_$name" ]; then
			[ $rec = 0 ] || fail "[$ENGINE $MODE] $name is both recorded and in the journal"
			continue
		fi
		if [ $rec = 1 ]; then
			case "$existing" in *[\ ,]"$name $ROWS,"*) ;; *) fail "[$ENGINE $MODE] $name is recorded but its table is missing or has not all its rows:$existing" ;; esac
		else
			case "$existing" in *[\ ,]"$name "*) fail "[$ENGINE $MODE] table $name exists but its migration is not recorded (and not in the journal)" ;; esac
		fi
	done
	[ $prefix_ok = 1 ] || fail "[$ENGINE $MODE] the recorded migrations are not a prefix of the files:$recorded"
	if [ -n "$journal" ]; then
		[ "$MODE" = notx ] || [ "$ENGINE" = mysql ] || fail "[$ENGINE $MODE] a journal row without noTransaction migrations: $journal"
		# undo its statements by hand, then tell the tool
		q "DROP TABLE IF EXISTS c_${journal##*_c_}" >/dev/null
		assert_exit 0 mig --database-url "$URL" -m set repair "$journal" --pending
		FIXED=1
	fi
}

run_mode() { # ENGINE MODE
	ENGINE=$1 MODE=$2
	local k delay rc kills_hit=0 repaired=0 extra=()
	make_set set "$ENGINE" "$([ "$MODE" = notx ] && echo 1 || echo 0)"
	[ "$MODE" = pertx ] && extra=(--no-single-transaction)
	# how long a whole run takes here (sanitizers, load): kills are spread
	# over that span
	local t0 t1 span
	case $ENGINE in
	sqlite) URL=sqlite:$WORK/calibrate.db ;;
	mysql) my_scratch_db CAL; URL=$CAL_URL ;;
	*) pg_scratch_db CAL; URL=$CAL_URL ;;
	esac
	t0=$(date +%s%N)
	assert_exit 0 mig --database-url "$URL" -m set migrate "${extra[@]}"
	t1=$(date +%s%N)
	span=$(((t1 - t0) / 1000000))
	rm -f "$WORK/calibrate.db"
	# a run that ends before its kill was not a test: it tells how long a
	# run really takes now (the calibration may have met a busier machine),
	# and another attempt takes its place, up to twice KILLS in all
	local attempts=0 t2 t3
	k=0
	while [ $k -lt "$KILLS" ] && [ $attempts -lt $((2 * KILLS)) ]; do
		attempts=$((attempts + 1))
		k=$((k + 1))
		if [ "$ENGINE" = sqlite ]; then
			DBFILE=$WORK/crash-$MODE-$k.db
			URL=sqlite:$DBFILE
		elif [ "$ENGINE" = mysql ]; then
			my_scratch_db MYDB
			URL=$MYDB_URL
		else
			pg_scratch_db CR
			URL=$CR_URL
		fi
		# kill somewhere in the first 90 % of a run (the process start included)
		delay=$(awk -v k="$k" -v s="$RANDOM" -v span="$span" 'BEGIN { srand(s + k); printf "%.3f", 0.01 + rand() * span * 0.9 / 1000 }')
		set +e
		t2=$(date +%s%N)
		timeout -s KILL "$delay" "$MIG_BIN" --database-url "$URL" -m set migrate "${extra[@]}" >/dev/null 2>"crash.err"
		rc=$?
		t3=$(date +%s%N)
		set -e
		[ $rc = 137 ] && kills_hit=$((kills_hit + 1))
		if [ $rc = 0 ]; then
			span=$(((t3 - t2) / 1000000))
			k=$((k - 1))
		fi
		[ $rc = 137 ] || [ $rc = 0 ] || { cat crash.err >&2; fail "[$ENGINE $MODE] the run ended with $rc, not 0 or SIGKILL"; }
		# the server may still be running the killed client's last text:
		# the state is read once it has let go of the session
		[ "$ENGINE" != mysql ] || my_wait_for "" "SELECT count(*) = 0 FROM information_schema.processlist WHERE db = '$MYDB'" 30
		cp crash.err "crash-$ENGINE-$MODE-$k.err" 2>/dev/null || true
		check_consistent
		repaired=$((repaired + FIXED))
		assert_exit 0 mig --database-url "$URL" -m set migrate --lock-wait 30 "${extra[@]}"
		assert_eq $N "$(q "SELECT count(*) FROM pgmigrations")" "[$ENGINE $MODE] every migration recorded after the re-run"
		assert_eq "$N $((N * ROWS))" "$(tables | awk '{ n++; r += $2 } END { print n, r }')" "[$ENGINE $MODE] every table, with all its rows, after the re-run"
		[ "$(has_journal)" != 1 ] || assert_eq 0 "$(q "SELECT count(*) FROM pgmigrations_journal")" "[$ENGINE $MODE] the re-run deleted the journal's complete rows"
		[ "$ENGINE" = sqlite ] && rm -f "$DBFILE"
	done
	echo "    $ENGINE $MODE: a run takes $span ms; $attempts runs, $kills_hit killed mid-run, $repaired interrupted migration(s) repaired"
	[ $kills_hit -ge $((KILLS / 3)) ] || fail "[$ENGINE $MODE] only $kills_hit of $KILLS kills landed mid-run: the test did not test"
}

for engine in ${MIG_CRASH_ENGINES:-sqlite postgres mysql}; do
	for mode in ${MIG_CRASH_MODES:-single pertx notx}; do
		t "$engine, $mode: SIGKILL at random points leaves state = schema"
		run_mode "$engine" "$mode"
	done
done
