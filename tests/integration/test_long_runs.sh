# Long runs: what keeps a run of hundreds of migrations small and fast
# without changing what it does.
# - The IR kept from the check before the run to each migration's turn is
#   bounded (runner.c, KEEP_IR_BYTES): the later files of a long JS run are
#   read again at their turn (strace counts the opens), and the result is
#   the same schema and migrations table as runs short enough to keep all.
# - A file changed between the check and its turn (its operations, or the
#   shorthands it exports) is refused before anything of it runs
#   (PostgreSQL, a migration that sleeps while the test edits a later
#   file).
# - In one transaction, the migrations' records are written at its end
#   (SQLite: one INSERT from a JSON array of the names): a record that
#   fails there rolls the whole transaction back and names the migration
#   (sent one by one to find it); alone, each record is written at once
#   (--no-single-transaction).
. "$(dirname "$0")/lib.sh"

unset DATABASE_URL PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE PGOPTIONS
command -v sqlite3 >/dev/null || fail "sqlite3 is needed (apt-get install sqlite3)"
mig() { "$MIG_BIN" --js-engine static "$@"; }

# N migrations (about 10 KB of IR each: more than a run keeps for all of them)
N=300
js_folder() { js_chain "$1" "$N" t; }

# opens FILE ARGS...: how often the run opens FILE (it must succeed)
opens() {
	local file=$1
	shift
	strace_opens --js-engine static "$@"
	grep -c "\"[^\"]*/$file\"" "$WORK/.strace" || true
}

sq_schema() { sqlite3 "$1" "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name"; }
sq_applied() { sqlite3 "$1" "SELECT group_concat(name, ',') FROM (SELECT name FROM pgmigrations ORDER BY run_on, id)"; }

js_folder migrations
FIRST=1700000000001_t1.js
LAST=$((1700000000000 + N))_t$N.js

t "sqlite: a run of $N JS migrations reads the later files again at their turn"
assert_eq 1 "$(opens "$FIRST" -m migrations -d sqlite:long.db migrate)" "opens of the first file"
assert_eq 2 "$(opens "$LAST" -m migrations -d sqlite:long2.db migrate)" "opens of the last file (checked, then read at its turn)"
assert_eq "$N" "$(sqlite3 long.db "SELECT count(*) FROM pgmigrations")" "migrations recorded"
assert_eq "row $N" "$(sqlite3 long.db "SELECT name FROM t$N")" "the last migration's row"

t "sqlite: the same schema and records as runs short enough to keep every file's IR"
for ((k = 0; k < N / 30; k++)); do
	assert_exit 0 mig -m migrations -d sqlite:short.db migrate 30
done
assert_eq "$N" "$(sqlite3 short.db "SELECT count(*) FROM pgmigrations")" "migrations recorded by the short runs"
assert_eq "$(sq_schema short.db)" "$(sq_schema long.db)" "schema after one long run vs. short runs"
assert_eq "$(sq_applied short.db)" "$(sq_applied long.db)" "migrations table order"
assert_exit 0 mig -m migrations -d sqlite:long.db rollback "$N"
assert_eq 0 "$(sqlite3 long.db "SELECT count(*) FROM pgmigrations")" "records after rolling all back"
assert_eq "pgmigrations" "$(sqlite3 long.db "SELECT group_concat(name) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'")" "tables after rolling all back"

# records: migration 1 adds a trigger that refuses the record of t250
REFUSE=1700000000250_t250
rm -rf rec
mkdir rec
cat >rec/1700000000000_refuse.sql <<SQL
-- Up Migration
CREATE TRIGGER refuse_record BEFORE INSERT ON pgmigrations WHEN NEW.name = '$REFUSE'
BEGIN SELECT RAISE(ABORT, 'record refused by the test'); END;
SQL
for ((i = 1; i <= N; i++)); do
	printf -- '-- Up Migration\nCREATE TABLE r%d (id integer PRIMARY KEY);\n' "$i" >"rec/$((1700000000000 + i))_t$i.sql"
done

t "sqlite: in one transaction the records go at its end; one that fails there rolls all back and is named"
run mig -m rec -d sqlite:rec.db migrate
[ "$RC" != 0 ] || fail "a refused record must fail the run"
assert_contains "$ERR" "migration $REFUSE: cannot record it in the migrations table" "the message"
assert_contains "$ERR" "record refused by the test" "the engine's message"
assert_contains "$ERR" "rolled back: nothing from this run was applied" "what stays"
assert_eq 0 "$(sqlite3 rec.db "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'r%' OR name = 'refuse_record'")" "tables and trigger left"
assert_eq 0 "$(sqlite3 rec.db "SELECT count(*) FROM pgmigrations")" "records left"

t "sqlite: --verbose shows the records where they go: one statement for all, then one by one to name the failing one"
run mig -m rec -d sqlite:recv.db --verbose migrate
[ "$RC" != 0 ] || fail "a refused record must fail the run"
last_ran=$(grep -n "^ran 1700000000300_t300 " "$LAST_OUT" | cut -d: -f1)
first_insert=$(grep -n '^INSERT INTO "pgmigrations"' "$LAST_OUT" | head -1)
last_insert=$(grep '^INSERT INTO "pgmigrations"' "$LAST_OUT" | tail -1)
[ -n "$last_ran" ] && [ -n "$first_insert" ] && [ "${first_insert%%:*}" -gt "$last_ran" ] ||
	fail "the records must show after the last migration ran (ran t300 at line ${last_ran:-none}, first INSERT at ${first_insert:-none})"
assert_contains "$first_insert" "FROM json_each(?1) ORDER BY key; -- ?1 = [\"1700000000000_refuse\",\"1700000000001_t1\"," "the records of the whole transaction in one statement"
assert_contains "$first_insert" "\"1700000000300_t300\"]" "the records of the whole transaction in one statement"
assert_contains "$last_insert" "VALUES ('$REFUSE'," "the last record shown is the one that failed"
assert_eq 251 "$(grep -c '^INSERT INTO "pgmigrations" (name, run_on) VALUES' "$LAST_OUT")" "records sent one by one (up to the failing one)"

t "sqlite: one statement keeps the order the migrations ran; a quote or backslash is escaped in its array, a control character sends the records one by one"
assert_exit 0 mig -m migrations -d sqlite:order.db migrate 40
assert_eq "$(ls migrations | head -40 | sed 's/\.js$//' | paste -sd, -)" "$(sq_applied order.db)" "the order of the records"
assert_eq 1 "$(sqlite3 order.db "SELECT count(DISTINCT run_on) FROM pgmigrations")" "one run_on for the statement"
rm -rf odd
mkdir odd
printf -- '-- Up Migration\nCREATE TABLE o1 (id integer);\n' >'odd/1700000000001_it"s.sql'
printf -- '-- Up Migration\nCREATE TABLE o2 (id integer);\n' >'odd/1700000000002_back\slash.sql'
run mig -m odd -d sqlite:odd.db --verbose migrate
assert_eq 0 "$RC" "exit status of the run of names with a quote and a backslash"
assert_contains "$OUT" '-- ?1 = ["1700000000001_it\"s","1700000000002_back\\slash"]' "quote and backslash escaped in the array"
assert_eq '1700000000001_it"s,1700000000002_back\slash' "$(sq_applied odd.db)" "the names recorded exactly"
printf -- '-- Up Migration\nCREATE TABLE o3 (id integer);\n' >"odd/1700000000003_tab$(printf '\t')name.sql"
printf -- '-- Up Migration\nCREATE TABLE o4 (id integer);\n' >odd/1700000000004_plain.sql
run mig -m odd -d sqlite:odd.db --verbose migrate
assert_eq 0 "$RC" "exit status of the run of a name with a tab"
assert_not_contains "$OUT" "json_each" "a name with a control character: one by one"
assert_eq 2 "$(grep -c '^INSERT INTO "pgmigrations" (name, run_on) VALUES' "$LAST_OUT")" "records sent one by one"
assert_eq "$(printf '1700000000001_it"s,1700000000002_back\\slash,1700000000003_tab\tname,1700000000004_plain')" "$(sq_applied odd.db)" "the names recorded exactly"

t "sqlite: without a single transaction each record is written at once"
run mig -m rec -d sqlite:rec1.db --no-single-transaction migrate
[ "$RC" != 0 ] || fail "a refused record must fail the run"
assert_contains "$ERR" "migration $REFUSE: cannot record it in the migrations table" "the message"
assert_contains "$ERR" "record refused by the test" "the engine's message"
# the migrations before it committed with their records; its own table
# went with its transaction
assert_eq 250 "$(sqlite3 rec1.db "SELECT count(*) FROM pgmigrations")" "records of the migrations before it"
assert_eq "0|1" "$(sqlite3 rec1.db "SELECT count(*) FILTER (WHERE name = 'r250'), count(*) FILTER (WHERE name = 'r249') FROM sqlite_schema")" "r250 rolled back, r249 applied"
run mig -m rec -d sqlite:rec1.db --no-single-transaction migrate
assert_contains "$ERR" "migration $REFUSE: cannot record it in the migrations table" "the same refusal on the next run"
assert_eq 250 "$(sqlite3 rec1.db "SELECT count(*) FROM pgmigrations")" "records after the second run"

# ---- PostgreSQL ---------------------------------------------------------------

[ -n "${MIG_TEST_PG_URL:-}" ] || skip_or_fail "the SQLite half passed; MIG_TEST_PG_URL is not set (eval \"\$(tests/ci/postgres-up.sh)\" starts a server)"
pg_require
pg_scratch_db

# edit_during_run DIR URL CMD...: migrate DIR on URL and, while its first
# migration sleeps (every file was checked before it began), run CMD; the
# run must fail: its stderr is left in $ERR.
edit_during_run() {
	local dir=$1 url=$2 pid rc
	shift 2
	mig -m "$dir" -d "$url" migrate >"$WORK/pg.out" 2>"$WORK/pg.err" &
	pid=$!
	pg_wait_for "$MIG_TEST_PG_URL" "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE query LIKE '%pg_sleep(2)%' AND pid <> pg_backend_pid())" 60
	"$@"
	set +e
	wait "$pid"
	rc=$?
	set -e
	ERR=$(cat "$WORK/pg.err")
	[ "$rc" != 0 ] || fail "a file changed during the run must fail it: $(cat "$WORK/pg.out")"
}

t "postgres: a file changed between the check and its turn is refused before anything of it runs"
js_folder pgm
# the first migration sleeps: every file was checked before it began
cat >pgm/1700000000000_sleep.js <<'EOF'
exports.up = (pgm) => { pgm.sql('SELECT pg_sleep(2)'); };
EOF
edit_during_run pgm "$PG_DB_URL" sed -i "s/'row $N'/'row changed'/" "pgm/$LAST"
assert_contains "$ERR" "pgm/$LAST" "the message names the file"
assert_contains "$ERR" "the file changed while the run was under way" "the message"
assert_contains "$ERR" "rolled back: nothing from this run was applied" "what stays"
assert_eq 0 "$(pgq "$PG_DB_URL" "SELECT count(*) FROM public.pgmigrations")" "records left"
assert_eq 0 "$(pgq "$PG_DB_URL" "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 't%'")" "tables left"

t "postgres: a file whose exported shorthands changed (its operations did not) is refused too"
pg_scratch_db PG2
js_folder pgm2
cp pgm/1700000000000_sleep.js pgm2/
edit_during_run pgm2 "$PG2_URL" sh -c "printf 'exports.shorthands = { added_later: { type: \"integer\" } };\\n' >>'pgm2/$LAST'"
assert_contains "$ERR" "pgm2/$LAST" "the message names the file"
assert_contains "$ERR" "the file changed while the run was under way" "the message"
assert_eq 0 "$(pgq "$PG2_URL" "SELECT count(*) FROM public.pgmigrations")" "records left"

t "postgres: run again, the changed file runs as it is now"
assert_exit 0 mig -m pgm -d "$PG_DB_URL" migrate
assert_eq "$((N + 1))" "$(pgq "$PG_DB_URL" "SELECT count(*) FROM public.pgmigrations")" "records"
assert_eq "row changed" "$(pgq "$PG_DB_URL" "SELECT name FROM t$N")" "the last table's row"
