#!/usr/bin/env bash
# What the CLI prints, on SQLite: status --exit-code; --json event streams
# (migrate, rollback, redo, repair, dry runs, the error object) with
# nothing else on stdout; the single-transaction lines that say what is
# true at each moment; on a terminal (script(1) gives one) the [k/n]
# progress and status colours, off with NO_COLOR, --no-color or a pipe;
# create-database and wait on SQLite files; misplaced options.
source "$(dirname "$0")/lib.sh"

command -v python3 >/dev/null || fail "python3 is needed to read the JSON output"
command -v script >/dev/null || fail "script (util-linux) is needed for the terminal cases"

export DATABASE_URL=sqlite:app.db
q() { sqlite3 "$1" "$2"; }
applied() { q "$1" "SELECT group_concat(name, ',') FROM (SELECT name FROM pgmigrations ORDER BY run_on, id)"; }
ESC=$(printf '\033')

three() {
	rm -rf migrations
	table_migration 1
	table_migration 2
	table_migration 3
}

# json_check EXPR: every stdout line of the last command is one JSON
# object (nothing else there); EXPR (python, over the list `ev` of them)
# must hold.
json_check() {
	python3 - "$1" "$LAST_OUT" <<'PY' || fail "JSON check failed: $1"
import json, sys
expr, path = sys.argv[1], sys.argv[2]
ev = []
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    try:
        o = json.loads(line)
    except ValueError as e:
        sys.exit(f"stdout line {n} is not JSON ({e}): {line!r}")
    if not isinstance(o, dict) or "event" not in o:
        sys.exit(f"stdout line {n} is not an event object: {line!r}")
    ev.append(o)
kinds = [o["event"] for o in ev]
if not eval(expr):
    sys.exit(f"does not hold: {expr}\nevents: {json.dumps(ev, indent=1)}")
PY
}

t "status --exit-code: 1 while something is pending, 0 when up to date"
three
assert_exit 1 mig status --exit-code
assert_contains "$OUT" "1700000000001_t1  pending"
assert_exit 0 mig status
assert_exit 0 mig migrate 2
assert_exit 1 mig status --exit-code
assert_exit 0 mig migrate
assert_exit 0 mig status --exit-code
assert_contains "$ERR" "3 applied, 0 pending"
assert_exit 2 mig migrate --exit-code
assert_contains "$ERR" "option --exit-code does not apply to the migrate command"

t "single transaction: each migration has run, not applied, until the COMMIT line"
rm -f app.db
assert_exit 0 mig migrate
assert_contains "$OUT" "ran 1700000000001_t1 ("
assert_contains "$OUT" "; not committed yet)"
assert_not_contains "$OUT" "applied 1700000000001_t1"
assert_contains "$OUT" "committed: 3 migrations applied (1700000000001_t1 .. 1700000000003_t3)"
assert_contains "$OUT" "Migrations complete! (3 in"
# a transaction of one says applied, once it committed
assert_exit 0 mig rollback
assert_contains "$OUT" "rolled back 1700000000003_t3 ("
assert_not_contains "$OUT" "committed:"
assert_exit 0 mig redo 2
assert_contains "$OUT" "ran down 1700000000002_t2"
assert_contains "$OUT" "ran 1700000000002_t2"
assert_contains "$OUT" "committed: 2 rolled back, 2 applied"
# --fake runs nothing: it records, and says so
assert_exit 0 mig rollback 0 --fake
assert_contains "$OUT" "fake: recorded 1700000000001_t1 as rolled back ("
assert_contains "$OUT" "committed: 2 migrations recorded as rolled back (1700000000002_t2 .. 1700000000001_t1)"
assert_eq "" "$(applied app.db)"

t "single transaction that fails: nothing was said to be applied, and nothing is"
rm -f app.db
three
cat >migrations/1700000000004_bad.sql <<'SQL'
-- Up Migration
CREATE TABLE t4 (id integer REFERENCES;
SQL
assert_exit 1 mig migrate
assert_contains "$OUT" "ran 1700000000001_t1"
assert_not_contains "$OUT" "applied"
assert_not_contains "$OUT" "committed:"
assert_contains "$ERR" "rolled back: nothing from this run was applied"
assert_eq "" "$(applied app.db)" "nothing recorded"
# one transaction each: what committed is said to be applied, and stays
assert_exit 1 mig migrate --no-single-transaction
assert_contains "$OUT" "applied 1700000000003_t3 ("
assert_not_contains "$OUT" "ran "
assert_contains "$ERR" "3 earlier migration(s) of this run stay applied"
assert_eq 1700000000001_t1,1700000000002_t2,1700000000003_t3 "$(applied app.db)"

t "--json migrate: plan, start, done with ms, commit, done; nothing else on stdout"
rm -f app.db
three
assert_exit 0 mig migrate --json
json_check 'kinds == ["plan"] + ["migration_start", "migration_done"] * 3 + ["commit", "done"]'
json_check 'ev[0]["count"] == 3 and ev[0]["dry_run"] is False'
json_check '[o["name"] for o in ev if o["event"] == "migration_done"] == ["1700000000001_t1", "1700000000002_t2", "1700000000003_t3"]'
json_check 'all(isinstance(o["ms"], float) and o["ms"] >= 0 and o["committed"] is False and o["direction"] == "up" for o in ev if o["event"] == "migration_done")'
json_check '[o["index"] for o in ev if o["event"] == "migration_start"] == [1, 2, 3] and all(o["total"] == 3 for o in ev if o["event"] == "migration_start")'
json_check 'ev[-2] == {"event": "commit", "count": 3, "first": "1700000000001_t1", "last": "1700000000003_t3"}'
json_check 'ev[-1]["event"] == "done" and ev[-1]["count"] == 3'
assert_eq 1700000000001_t1,1700000000002_t2,1700000000003_t3 "$(applied app.db)"
# nothing to run: still a plan and a done
assert_exit 0 mig migrate --json
json_check 'kinds == ["plan", "done"] and ev[0]["count"] == 0 and ev[1]["count"] == 0'
# the embedded-database notice stays on stderr
env -u DATABASE_URL "$MIG_BIN" migrate --json >"$WORK/.last_out" 2>"$WORK/.last_err" || fail "migrate on the default database"
json_check 'kinds[-1] == "done"'
assert_contains "$(cat "$WORK/.last_err")" "DATABASE_URL is not set"

t "--json rollback and redo; per-migration transactions say committed"
assert_exit 0 mig rollback 2 --json
json_check '[(o["name"], o["direction"]) for o in ev if o["event"] == "migration_done"] == [("1700000000003_t3", "down"), ("1700000000002_t2", "down")]'
json_check '"commit" in kinds and kinds[-1] == "done"'
assert_exit 0 mig migrate --no-single-transaction --json
json_check 'all(o["committed"] is True for o in ev if o["event"] == "migration_done") and "commit" not in kinds'
assert_exit 0 mig redo --json
json_check '[(o["name"], o["direction"]) for o in ev if o["event"] == "migration_start"] == [("1700000000003_t3", "down"), ("1700000000003_t3", "up")]'

t "--json dry run: the SQL as step events"
assert_exit 0 mig rollback --dry-run --json
json_check 'any(o["event"] == "step" and "DROP TABLE t3;" in o["sql"] and o["bookkeeping"] is False for o in ev)'
json_check 'any(o["event"] == "step" and o["bookkeeping"] is True for o in ev)'
json_check 'ev[0]["dry_run"] is True and ev[-1]["event"] == "done" and ev[-1]["dry_run"] is True'
json_check 'all(o["committed"] is False for o in ev if o["event"] == "migration_done")'
assert_eq 1700000000001_t1,1700000000002_t2,1700000000003_t3 "$(applied app.db)" "a dry run changes nothing"

t "--json failure: the error as the last object, with file, line and note"
cat >migrations/1700000000004_bad.sql <<'SQL'
-- Up Migration
CREATE TABLE t4 (id integer REFERENCES;
SQL
assert_exit 1 mig migrate --json
json_check 'kinds == ["plan", "migration_start", "error"]'
json_check 'ev[-1]["code"] == "sql" and ev[-1]["exit_status"] == 1 and ev[-1]["file"] == "migrations/1700000000004_bad.sql" and ev[-1]["line"] == 2'
json_check 'ev[-1]["message"].startswith("migration 1700000000004_bad failed") and "statement" in ev[-1]'
json_check 'ev[-1]["note"] == "rolled back: nothing from this run was applied"'
assert_contains "$ERR" "migration 1700000000004_bad failed" "the message stays on stderr too"
# bad usage is an error object too, exit 2
assert_exit 2 mig migrate --json --lock-strategy bogus
json_check 'kinds == ["error"] and ev[0]["code"] == "usage" and ev[0]["exit_status"] == 2'
rm migrations/1700000000004_bad.sql

t "--json repair: the failed migration's way back"
rm -rf migrations app.db
mkdir migrations
cat >migrations/1700000000001_nt.js <<'JS'
exports.up = (pgm) => {
  pgm.noTransaction();
  pgm.sql('CREATE TABLE nt1 (id integer)');
  pgm.sql('CREATE TABLE nt2 (id integer REFERENCES)');
};
exports.down = (pgm) => {
  pgm.sql('DROP TABLE nt1');
};
JS
assert_exit 1 mig migrate --json
json_check '"warning" in kinds and kinds[-1] == "error"'
json_check '"journal keeps it as failed" in ev[-1]["note"]'
assert_exit 1 mig status --exit-code
assert_contains "$OUT" "FAILED while applying"
assert_exit 0 mig repair 1700000000001_nt --pending --json
json_check 'ev[-1] == {"event": "repaired", "name": "1700000000001_nt", "applied": False}'
json_check 'all(o["event"] in ("info", "repaired") for o in ev)'

t "a terminal: [k/n] progress and status colours"
rm -rf migrations app.db
three
script -qec "'$MIG_BIN' migrate --no-single-transaction" /dev/null >tty.out 2>&1 || fail "migrate on a terminal: $(cat tty.out)"
assert_contains "$(cat tty.out)" "[1/3] applied 1700000000001_t1 ("
assert_contains "$(cat tty.out)" "[3/3] applied 1700000000003_t3 ("
assert_contains "$(cat tty.out)" "[2/3] 1700000000002_t2 ..." "the live line of the running migration"
assert_exit 0 mig rollback
script -qec "'$MIG_BIN' status" /dev/null >tty.out 2>&1 || fail "status on a terminal: $(cat tty.out)"
assert_contains "$(cat tty.out)" "${ESC}[32m" "applied in green"
assert_contains "$(cat tty.out)" "${ESC}[33mpending${ESC}[0m" "pending in yellow"

t "progress and colour are off with NO_COLOR (any value), --no-color, or a pipe"
rm -f app.db
NO_COLOR= script -qec "'$MIG_BIN' migrate" /dev/null >tty.out 2>&1 || fail "$(cat tty.out)"
assert_not_contains "$(cat tty.out)" "[1/3]"
assert_not_contains "$(cat tty.out)" "$ESC"
assert_contains "$(cat tty.out)" "ran 1700000000001_t1"
NO_COLOR=1 script -qec "'$MIG_BIN' status" /dev/null >tty.out 2>&1 || fail "$(cat tty.out)"
assert_not_contains "$(cat tty.out)" "$ESC"
assert_exit 0 mig rollback 0
script -qec "'$MIG_BIN' migrate --no-color" /dev/null >tty.out 2>&1 || fail "$(cat tty.out)"
assert_not_contains "$(cat tty.out)" "[1/3]"
script -qec "'$MIG_BIN' status --no-color" /dev/null >tty.out 2>&1 || fail "$(cat tty.out)"
assert_not_contains "$(cat tty.out)" "$ESC"
assert_contains "$(cat tty.out)" "1700000000003_t3  20"
assert_exit 0 mig rollback 0
assert_exit 0 mig migrate
assert_not_contains "$OUT" "[1/3]"
assert_not_contains "$OUT$ERR" "$ESC"
assert_exit 0 mig status
assert_not_contains "$OUT" "$ESC"
# --json on a terminal is JSON, without colour or progress
script -qec "'$MIG_BIN' redo --json" /dev/null >tty.out 2>&1 || fail "$(cat tty.out)"
assert_not_contains "$(cat tty.out)" "$ESC"
assert_not_contains "$(cat tty.out)" "[1/"

t "create-database on SQLite: the file, once"
assert_exit 0 mig create-database --database-url sqlite:new.db
assert_contains "$OUT" "Created the database -- sqlite:new.db"
[ -f new.db ] || fail "create-database made no file"
assert_exit 0 mig create-database --database-url sqlite:new.db --json
json_check 'ev == [{"event": "database", "url": "sqlite:new.db", "created": False}]'
assert_exit 0 mig migrate --create-database --database-url sqlite:other.db
assert_contains "$OUT" "Created the database -- sqlite:other.db"
assert_eq 1700000000001_t1,1700000000002_t2,1700000000003_t3 "$(applied other.db)"
assert_exit 1 mig create-database --database-url sqlite:no/such/dir/x.db
assert_contains "$ERR" "cannot create the SQLite database no/such/dir/x.db"
[ ! -e no ] || fail "create-database made directories"

t "wait on SQLite: nothing to wait for, and the file is not created"
assert_exit 0 mig wait --database-url sqlite:later.db
[ ! -e later.db ] || fail "wait created the database file"
assert_exit 0 mig migrate --wait --database-url sqlite:app.db --json
json_check 'kinds[0] == "ready" and kinds[-1] == "done"'

t "the new options where they do not belong"
assert_exit 2 mig rollback --create-database
assert_contains "$ERR" "option --create-database does not apply to the rollback command"
assert_exit 2 mig migrate --wait-timeout 5
assert_contains "$ERR" "--wait-timeout goes with the wait command or --wait"
assert_exit 2 mig wait now
assert_contains "$ERR" "wait takes no arguments"
assert_exit 2 mig wait --wait-timeout -1
assert_exit 2 mig wait --wait-timeout soon
assert_exit 0 mig --help
assert_contains "$OUT" "create-database"
assert_contains "$OUT" "--exit-code"
assert_contains "$OUT" "--no-color"
assert_contains "$OUT" "--wait-timeout SEC"
assert_exit 0 mig help wait
assert_contains "$OUT" "--wait-timeout SEC"
assert_exit 0 mig create-database --help
assert_contains "$OUT" "maintenance database postgres"
assert_exit 2 mig create --json x
assert_contains "$ERR" "option --json does not apply to the create command"
# node-pg-migrate's =false spelling works for the new flag too
script -qec "'$MIG_BIN' status --color=false" /dev/null >tty.out 2>&1 || fail "$(cat tty.out)"
assert_not_contains "$(cat tty.out)" "$ESC"
printf 'sqlite:a.db\n' >targets.txt
assert_exit 2 mig migrate --targets targets.txt --wait
assert_contains "$ERR" "--wait does not go with --targets"
