# `--targets FILE`: one command over a fleet of databases. A fleet of 200
# SQLite files, PostgreSQL databases (one reached with a password), a
# MariaDB database (with a password), an unreachable server, malformed
# lines and a target whose migration fails: the exit status, one result
# line per target, every reachable target migrated exactly once (read
# back from each state table), no password in any output, the summary,
# --json (parsed with python3), --fail-fast, status/rollback/redo over
# the fleet, a child killed by a signal, usage errors, and 1,000 SQLite
# targets under `ulimit -n 64`. Needs MIG_TEST_PG_URL and
# MIG_TEST_MYSQL_URL (tests/ci/postgres-up.sh, tests/ci/mysql-up.sh).
. "$(dirname "$0")/lib.sh"

pg_require
my_require
command -v python3 >/dev/null || fail "python3 is needed to read the --json output and the SQLite files"
command -v flock >/dev/null || fail "flock (util-linux) is needed to hold a SQLite file's lock"
unset DATABASE_URL PGHOST PGPASSWORD

SECONDS_START=$(date +%s)

# Three migrations that run unchanged on all three engines.
for i in 1 2 3; do table_migration $i; done
ALL=1700000000001_t1,1700000000002_t2,1700000000003_t3

# sqlite_state FILE...: per file "path names count" from each state table
# (one python3 for all of them: 1,000 sqlite3 processes would be slow).
sqlite_state() {
	python3 - "$@" <<'PY'
import sqlite3, sys
for path in sys.argv[1:]:
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    rows = [r[0] for r in db.execute("SELECT name FROM pgmigrations ORDER BY run_on, id")]
    print(path, ",".join(rows), len(rows))
    db.close()
PY
}

# expect_sqlite NAMES FILE...: every file's state table holds exactly NAMES.
expect_sqlite() {
	local want=$1 n
	shift
	n=$(sqlite_state "$@" | awk -v w="$want" '$2 != w || $3 != split(w, a, ",") { print; bad++ } END { print bad + 0 }' | tail -1)
	[ "$n" = 0 ] || fail "$n SQLite targets do not hold exactly [$want]: $(sqlite_state "$@" | awk -v w="$want" '$2 != w' | head -3)"
}

pg_state() { pgq "$1" "SELECT coalesce(string_agg(name, ',' ORDER BY run_on, id), '') || ' ' || count(*) FROM pgmigrations"; }
my_state() { myq "$1" "SELECT concat(coalesce(group_concat(name ORDER BY run_on, id SEPARATOR ','), ''), ' ', count(*)) FROM pgmigrations"; }

# count_lines TEXT PATTERN: lines of TEXT with the fixed string PATTERN.
count_lines() { printf '%s\n' "$1" | grep -cF -- "$2" || true; }

# ---- the fleet --------------------------------------------------------------
mkdir -p db
: >targets.txt
{
	echo "# the tenants of the test fleet"
	echo
	for i in $(seq 1 200); do
		if [ $((i % 50)) = 0 ]; then
			echo "   sqlite:$WORK/db/s$i.db  " # surrounding blanks are no part of it
		else
			echo "sqlite:$WORK/db/s$i.db"
		fi
	done
} >>targets.txt
SQLITE_FILES=()
for i in $(seq 1 200); do SQLITE_FILES+=("$WORK/db/s$i.db"); done

pg_scratch_db PG1
pg_scratch_db PG2
pg_scratch_db PG3
# one reached as the password role `mig`, owner of its database
PG4=mig_t_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
pgq "$MIG_TEST_PG_URL" "CREATE DATABASE $PG4 OWNER mig" >/dev/null
on_exit "psql -X -q -d '$MIG_TEST_PG_URL' -c 'DROP DATABASE IF EXISTS $PG4 WITH (FORCE)'"
PG4_URL=$(pg_url_with_db "$MIG_TEST_PG_PASSWORD_URL" "$PG4")
my_scratch_db MY1
MY1_PW_URL=${MIG_TEST_MYSQL_PASSWORD_URL%/*}/$MY1
# a SQLite target whose second migration fails: t2 is there already
sqlite3 "$WORK/db/conflict.db" "CREATE TABLE t2 (x integer)"
{
	echo "$PG1_URL"
	echo "# postgres://ignored:ignored@127.0.0.1:1/commented-out"
	printf '%s\r\n' "$PG2_URL" # a CRLF line
	echo "	$PG3_URL"
	echo "$PG4_URL"
	echo "$MY1_PW_URL"
	echo "postgres://u:secret@127.0.0.1:1/x"
	echo "not a database url"
	echo "postgres:app:secret@nowhere/x"
	echo "sqlite:$WORK/db/conflict.db"
} >>targets.txt
LINE_UNREACHABLE=$(grep -n '127.0.0.1:1/x$' targets.txt | cut -d: -f1)
LINE_MALFORMED=$(grep -n '^not a database url$' targets.txt | cut -d: -f1)
LINE_NOSLASH=$(grep -n '^postgres:app:secret@nowhere/x$' targets.txt | cut -d: -f1)
# 200 SQLite + 4 PostgreSQL + 1 MariaDB + unreachable + 2 malformed + conflict
TOTAL=$(grep -cv '^[[:space:]]*\(#.*\)\?$' targets.txt)
assert_eq 209 "$TOTAL" "targets in the file"
GOOD=205 # the targets that can succeed
BAD=4

# no_secret TEXT: no password of the file, decoded or as written
PG_PW_ENC=${MIG_TEST_PG_PASSWORD_URL#*://*:}
PG_PW_ENC=${PG_PW_ENC%%@*}
MY_PW_ENC=${MIG_TEST_MYSQL_PASSWORD_URL#*://*:}
MY_PW_ENC=${MY_PW_ENC%%@*}
no_secret() {
	assert_not_contains "$1" "secret" "output"
	assert_not_contains "$1" "$MIG_TEST_PG_PASSWORD" "output"
	assert_not_contains "$1" "$MIG_TEST_MYSQL_PASSWORD" "output"
	assert_not_contains "$1" "$PG_PW_ENC" "output"
	assert_not_contains "$1" "$MY_PW_ENC" "output"
}

t "migrate --targets: every reachable target gets every migration once; failures are lines, not stops"
t0=$(date +%s%N)
assert_exit 1 mig --targets targets.txt migrate
t1=$(date +%s%N)
echo "    $TOTAL targets migrated in $(((t1 - t0) / 1000000)) ms"
assert_eq "$TOTAL" "$(printf '%s\n' "$OUT" | wc -l)" "result lines on stdout"
assert_eq "$GOOD" "$(count_lines "$OUT" "  ok  applied 3 (")" "targets with 3 applied"
assert_eq "$BAD" "$(count_lines "$OUT" "  FAILED  ")" "FAILED lines"
no_secret "$OUT$ERR"
unreach=$(printf '%s\n' "$OUT" | grep -F 'postgres://u:****@127.0.0.1:1/x  FAILED  ') || fail "no FAILED line for the unreachable target"
assert_contains "$unreach" "cannot connect to PostgreSQL"
assert_contains "$OUT" "not a database url  FAILED  targets.txt:$LINE_MALFORMED: bad database URL"
assert_contains "$OUT" "postgres:app:****@nowhere/x  FAILED  targets.txt:$LINE_NOSLASH: bad database URL"
# a failing migration: its file (and line) as a single run gives them
conflict=$(printf '%s\n' "$OUT" | grep -F "sqlite:$WORK/db/conflict.db  FAILED  ") || fail "no FAILED line for the conflicting target"
assert_contains "$conflict" "migrations/1700000000002_t2.sql"
assert_contains "$conflict" "already exists"
# the password targets are shown redacted
assert_contains "$OUT" "$(pg_url_with_db "postgres://mig:****@127.0.0.1:$MIG_TEST_PG_PORT/postgres" "$PG4")  ok  applied 3"
assert_contains "$OUT" "mysql://mig:****@127.0.0.1:$MIG_TEST_MYSQL_PORT/$MY1  ok  applied 3"
# the summary
assert_eq "fleet: $GOOD of $TOTAL targets succeeded, $BAD failed" "$(printf '%s\n' "$ERR" | tail -1)" "summary"
# each state table, read back
expect_sqlite "$ALL" "${SQLITE_FILES[@]}"
for u in "$PG1_URL" "$PG2_URL" "$PG3_URL" "$(pg_url_with_db "$MIG_TEST_PG_URL" "$PG4")"; do
	assert_eq "$ALL 3" "$(pg_state "$u")" "state of $u"
done
assert_eq "$ALL 3" "$(my_state "$MY1")" "state of the MariaDB target"
# the failing one changed nothing (one transaction)
assert_eq "" "$(sqlite3 "$WORK/db/conflict.db" "SELECT name FROM sqlite_master WHERE name IN ('t1', 't3')")" "tables left by the failed run"
assert_eq 0 "$(sqlite3 "$WORK/db/conflict.db" "SELECT count(*) FROM pgmigrations")" "migrations recorded by the failed run"

t "migrate again: nothing to migrate anywhere, nothing applied twice"
assert_exit 1 mig --targets targets.txt migrate --parallel 16
assert_eq "$GOOD" "$(count_lines "$OUT" "  ok  nothing to migrate (")" "targets with nothing to do"
expect_sqlite "$ALL" "${SQLITE_FILES[@]}"
assert_eq "$ALL 3" "$(pg_state "$PG2_URL")"
assert_eq "$ALL 3" "$(my_state "$MY1")"

t "--json: one valid JSON object per target per line"
assert_exit 1 mig --targets targets.txt status --json
no_secret "$OUT$ERR"
printf '%s\n' "$OUT" | python3 -c '
import json, sys
total, good, unreach, malformed = map(int, sys.argv[1:5])
raw = sys.stdin.buffer.read().decode("utf-8")      # strict: the output is UTF-8
objs = [json.loads(l) for l in raw.splitlines()]
assert len(objs) == total, len(objs)
lines = sorted(o["line"] for o in objs)
assert len(set(lines)) == len(lines), "a target twice"
for o in objs:
    assert o["command"] == "status" and isinstance(o["ms"], int) and o["ms"] >= 0, o
ok = [o for o in objs if o["ok"]]
# status succeeds on the conflicting target too: 0 applied, 3 pending
conflict = [o for o in ok if o["target"].endswith("/conflict.db")]
assert len(conflict) == 1 and (conflict[0]["applied"], conflict[0]["pending"]) == (0, 3), conflict
assert conflict[0]["pending_names"] == ["1700000000001_t1", "1700000000002_t2", "1700000000003_t3"], conflict
ok.remove(conflict[0])
assert len(ok) == good, len(ok)
for o in ok:
    assert o["exit"] == 0 and o["error"] is None, o
    assert (o["applied"], o["pending"], o["failed"], o["pending_names"]) == (3, 0, 0, []), o
by_line = {o["line"]: o for o in objs}
u = by_line[unreach]
assert u["target"] == "postgres://u:****@127.0.0.1:1/x" and not u["ok"] and u["exit"] == 1, u
assert "cannot connect" in u["error"] and "detail" in u, u
m = by_line[malformed]
assert m["exit"] == 2 and m["error"].startswith("targets.txt:%d: bad database URL" % malformed), m
' "$TOTAL" "$GOOD" "$LINE_UNREACHABLE" "$LINE_MALFORMED" || fail "--json output: $(printf '%s\n' "$OUT" | tail -3)"
# an error text that needs escaping: a quote, a backslash, a byte that is not UTF-8
printf 'sqlite:/nonexistent-dir/q"uo\\te\xff.db\n' >weird.txt
assert_exit 1 mig --targets weird.txt migrate --json
printf '%s\n' "$OUT" | python3 -c '
import json, sys
objs = [json.loads(l) for l in sys.stdin.buffer.read().decode("utf-8").splitlines()]
assert len(objs) == 1 and not objs[0]["ok"], objs
assert "q\"uo\\te\ufffd.db" in objs[0]["error"] and objs[0]["target"].endswith("q\"uo\\te\ufffd.db"), objs
' || fail "--json of an error text that needs escaping: $OUT"

t "status --targets after a new migration: every target is 1 behind"
table_migration 4
grep -v -e '127.0.0.1:1/x$' -e '^not a database url$' -e '^postgres:app:' -e 'conflict.db$' targets.txt >good.txt
assert_exit 0 mig --targets good.txt status
assert_eq "$GOOD" "$(count_lines "$OUT" "  ok  3 applied, 1 pending (")" "targets 1 behind"
assert_eq "fleet: $GOOD of $GOOD targets succeeded" "$(printf '%s\n' "$ERR" | tail -1)"
t "rollback --targets and redo --targets (20 SQLite files, PostgreSQL, MariaDB)"
# a smaller fleet of every engine: the whole one would only cost time
{ grep -F "sqlite:" good.txt | head -20; grep -v -F "sqlite:" good.txt | grep -v '^[[:space:]]*\(#.*\)\?$'; } >mixed.txt
MIXED=$(wc -l <mixed.txt)
assert_eq 25 "$MIXED" "targets of the smaller fleet"
MIXED_FILES=("${SQLITE_FILES[@]:0:20}")
assert_exit 0 mig --targets mixed.txt migrate
assert_eq "$MIXED" "$(count_lines "$OUT" "  ok  applied 1 (")"
expect_sqlite "$ALL,1700000000004_t4" "${MIXED_FILES[@]}"
assert_eq "$ALL,1700000000004_t4 4" "$(my_state "$MY1")"
assert_exit 0 mig --targets mixed.txt rollback 2
assert_eq "$MIXED" "$(count_lines "$OUT" "  ok  rolled back 2 (")"
expect_sqlite "1700000000001_t1,1700000000002_t2" "${MIXED_FILES[@]}"
assert_eq "1700000000001_t1,1700000000002_t2 2" "$(pg_state "$PG3_URL")"
assert_eq "1700000000001_t1,1700000000002_t2 2" "$(my_state "$MY1")"
assert_eq "" "$(pgq "$PG3_URL" "SELECT to_regclass('t3')")" "t3 is gone"
assert_exit 0 mig --targets mixed.txt redo --json
printf '%s\n' "$OUT" | python3 -c '
import json, sys
objs = [json.loads(l) for l in sys.stdin]
assert len(objs) == int(sys.argv[1]), len(objs)
assert all(o["ok"] and o["command"] == "redo" and o["rolled_back"] == 1 and o["applied"] == 1 for o in objs), objs[:3]
' "$MIXED" || fail "redo --json: $(printf '%s\n' "$OUT" | head -3)"
expect_sqlite "1700000000001_t1,1700000000002_t2" "${MIXED_FILES[@]}"
assert_eq "1700000000001_t1,1700000000002_t2 2" "$(pg_state "$PG1_URL")"
assert_exit 0 mig --targets mixed.txt rollback 0 --parallel 16
assert_eq "$MIXED" "$(count_lines "$OUT" "  ok  rolled back 2 (")"
assert_eq " 0" "$(pg_state "$PG4_URL")"
assert_eq " 0" "$(my_state "$MY1")"

t "--fail-fast: no target is started after the first failure; the rest are skipped"
mkdir -p ff
{
	echo "sqlite:$WORK/ff/a.db"
	echo "postgres://u:secret@127.0.0.1:1/x"
	for i in 1 2 3 4 5; do echo "sqlite:$WORK/ff/never$i.db"; done
} >ff.txt
assert_exit 1 mig --targets ff.txt migrate --fail-fast --parallel 1
assert_eq 7 "$(printf '%s\n' "$OUT" | wc -l)" "result lines"
assert_eq 1 "$(count_lines "$OUT" "  ok  applied 4 (")"
assert_eq 1 "$(count_lines "$OUT" "  FAILED  ")"
assert_eq 5 "$(count_lines "$OUT" "  SKIPPED  not started (--fail-fast")"
assert_eq "fleet: 1 of 7 targets succeeded, 1 failed, 5 skipped" "$(printf '%s\n' "$ERR" | tail -1)"
for i in 1 2 3 4 5; do
	[ ! -e "ff/never$i.db" ] || fail "a skipped target was started: ff/never$i.db exists"
done
no_secret "$OUT$ERR"
assert_exit 1 mig --targets ff.txt migrate --fail-fast --parallel 1 --json
printf '%s\n' "$OUT" | python3 -c '
import json, sys
objs = [json.loads(l) for l in sys.stdin]
assert [o.get("skipped", False) for o in objs] == [False, False] + [True] * 5, objs
assert all(o["exit"] is None and not o["ok"] for o in objs[2:]), objs
' || fail "--fail-fast --json: $OUT"
# without --fail-fast the failure stops nothing
assert_exit 1 mig --targets ff.txt migrate --parallel 1
assert_eq 5 "$(count_lines "$OUT" "  ok  applied 4 (")"
assert_eq "fleet: 6 of 7 targets succeeded, 1 failed" "$(printf '%s\n' "$ERR" | tail -1)"
grep -v '127.0.0.1:1/x$' ff.txt >ff-good.txt
assert_exit 0 mig --targets ff-good.txt redo
assert_eq 6 "$(count_lines "$OUT" "  ok  rolled back 1, applied 1 (")"
assert_exit 0 mig --targets ff-good.txt status
assert_eq 6 "$(count_lines "$OUT" "  ok  4 applied, up to date (")"
assert_exit 0 mig --targets ff-good.txt status --json
assert_eq 6 "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
print(sum(1 for l in sys.stdin if json.loads(l)["pending_names"] == [] and json.loads(l)["applied"] == 4))')" "JSON status objects"
assert_exit 0 mig --targets ff-good.txt rollback 0
assert_exit 0 mig --targets ff-good.txt rollback
assert_eq 6 "$(count_lines "$OUT" "  ok  nothing to roll back (")"
assert_exit 0 mig --targets ff-good.txt status --json
assert_eq 6 "$(printf '%s\n' "$OUT" | python3 -c '
import json, sys
names = ["1700000000001_t1", "1700000000002_t2", "1700000000003_t3", "1700000000004_t4"]
print(sum(1 for l in sys.stdin if json.loads(l)["pending_names"] == names))')" "JSON status objects naming the pending migrations"

t "a target whose process dies of a signal is that target's failure; the others go on"
sqlite3 "$WORK/ff/held.db" "VACUUM"
# the run lock on SQLite is a flock() on the file: hold it meanwhile
flock "$WORK/ff/held.db" sleep 60 &
holder=$!
on_exit "kill $holder"
printf 'sqlite:%s\nsqlite:%s\n' "$WORK/ff/held.db" "$WORK/ff/free.db" >kill.txt
"$MIG_BIN" --targets kill.txt migrate --lock-wait 50 >kill.out 2>kill.err &
fleet=$!
for _ in $(seq 1 200); do
	grep -q 'free.db  ok  applied 4' kill.out && break
	sleep 0.05
done
grep -q 'free.db  ok  applied 4' kill.out || fail "the free target did not finish while the other waited: $(cat kill.out kill.err)"
child=$(pgrep -P "$fleet") || fail "no child process of the fleet is waiting for the lock"
assert_eq 1 "$(printf '%s\n' "$child" | wc -l)" "children still running"
kill -KILL "$child"
set +e
wait "$fleet"
rc=$?
set -e
assert_eq 1 "$rc" "exit status after a killed target"
assert_contains "$(cat kill.out)" "sqlite:$WORK/ff/held.db  FAILED  killed by signal 9"
assert_eq "fleet: 1 of 2 targets succeeded, 1 failed" "$(tail -1 kill.err)"
kill "$holder" 2>/dev/null || true

t "usage errors of the fleet itself exit 2 with one message"
assert_exit 2 mig --targets good.txt --database-url "sqlite:x.db" migrate
assert_contains "$ERR" "--targets names the databases: it cannot be combined with --database-url"
: >empty.txt
assert_exit 2 mig --targets empty.txt migrate
assert_contains "$ERR" "--targets empty.txt names no database"
printf '# nothing\n\n  \r\n' >comments.txt
assert_exit 2 mig --targets comments.txt status
assert_exit 2 mig --targets missing.txt migrate
assert_contains "$ERR" "cannot read --targets missing.txt: No such file or directory"
assert_exit 2 mig --targets good.txt --parallel 0 migrate
assert_contains "$ERR" "--parallel needs a whole number"
assert_exit 2 mig --targets good.txt --parallel many migrate
assert_exit 2 mig --parallel 2 migrate
assert_contains "$ERR" "--parallel goes with --targets"
assert_exit 2 mig --targets good.txt create x
assert_contains "$ERR" "option --targets does not apply to the create command (it is for migrate, rollback, redo and status"
[ ! -e x.db ] && [ ! -e migrations.db ] || fail "a usage error touched a database"

t "--targets - reads standard input"
printf 'sqlite:%s\n\n# c\nsqlite:%s\n' "$WORK/db/s1.db" "$WORK/db/s2.db" >two.txt
run mig --targets - status <two.txt
assert_eq 0 "$RC"
assert_eq 2 "$(count_lines "$OUT" "  ok  0 applied, 4 pending (")"

t "1,000 SQLite targets under ulimit -n 64: descriptors stay bounded"
mkdir -p big
for i in $(seq 1 1000); do echo "sqlite:$WORK/big/b$i.db"; done >big.txt
BIG_FILES=()
for i in $(seq 1 1000); do BIG_FILES+=("$WORK/big/b$i.db"); done
t0=$(date +%s%N)
run bash -c 'ulimit -n 64 && exec "$0" --targets big.txt migrate' "$MIG_BIN"
t1=$(date +%s%N)
echo "    1,000 targets migrated in $(((t1 - t0) / 1000000)) ms"
assert_eq 0 "$RC" "exit status of 1,000 targets"
assert_eq 1000 "$(count_lines "$OUT" "  ok  applied 4 (")"
assert_eq "fleet: 1000 of 1000 targets succeeded" "$(printf '%s\n' "$ERR" | tail -1)"
expect_sqlite "$ALL,1700000000004_t4" "${BIG_FILES[@]}"
# more in flight than descriptors allow: the fleet waits for a free one
head -150 big.txt >big150.txt
run bash -c 'ulimit -n 64 && exec "$0" --targets big150.txt status --parallel 150' "$MIG_BIN"
assert_eq 0 "$RC" "exit status with --parallel 150 under ulimit -n 64"
assert_eq 150 "$(count_lines "$OUT" "  ok  4 applied, up to date (")"

echo "    test_fleet.sh ran in $(($(date +%s) - SECONDS_START)) s"
