# The `migrations` command end to end on MySQL/MariaDB, mostly with .sql migrations:
# the state table, every command and flag that works on the other engines,
# the GET_LOCK run lock under contention, a migration that fails half-way
# (DDL commits at once there) with `status` and both `repair` forms, a run
# killed with SIGKILL, a server killed mid-run, and connection failures
# without the password in any output. Needs MIG_TEST_MYSQL_URL (see
# tests/ci/mysql-up.sh); every section works in a scratch database.
. "$(dirname "$0")/lib.sh"

my_require
unset DATABASE_URL

# A fresh migrations folder with four .sql migrations.
new_set() {
	rm -rf migrations
	mkdir -p migrations
	local i
	for i in 1 2 3 4; do
		cat >"migrations/170000000000${i}_t${i}.sql" <<SQL
-- Up Migration
CREATE TABLE t${i} (id integer PRIMARY KEY);

-- Down Migration
DROP TABLE t${i};
SQL
	done
}

# applied DB [table]: applied names in run order, comma-separated.
applied() {
	myq "$1" "SELECT coalesce(group_concat(name ORDER BY run_on, id SEPARATOR ','), '') FROM ${2:-pgmigrations}"
}

# tables DB: the tables of a database, sorted, comma-separated.
tables() {
	myq "" "SELECT coalesce(group_concat(table_name ORDER BY table_name SEPARATOR ','), '') FROM information_schema.tables WHERE table_schema = '$1'"
}

ALL=1700000000001_t1,1700000000002_t2,1700000000003_t3,1700000000004_t4

t "migrate creates pgmigrations (InnoDB, DATETIME(6) run_on) and applies every file"
my_scratch_db DB
new_set
assert_exit 0 mig --database-url "$DB_URL" migrate
assert_contains "$OUT" "applied 1700000000004_t4"
assert_contains "$OUT" "Migrations complete!"
assert_eq "$ALL" "$(applied "$DB")"
cols=$(myq "" "SELECT group_concat(concat(column_name, ' ', column_type, ' ', is_nullable, ' ', column_key, ' ', extra) ORDER BY ordinal_position SEPARATOR '; ') FROM information_schema.columns WHERE table_schema = '$DB' AND table_name = 'pgmigrations'")
assert_eq "id int(11) NO PRI auto_increment; name varchar(255) NO  ; run_on datetime(6) NO  " "$cols" "pgmigrations columns"
assert_eq InnoDB "$(myq "" "SELECT engine FROM information_schema.tables WHERE table_schema = '$DB' AND table_name = 'pgmigrations'")"
# run_on is UTC whatever the server's time zone
skew=$(myq "$DB" "SELECT abs(timestampdiff(SECOND, max(run_on), utc_timestamp())) FROM pgmigrations")
[ "$skew" -lt 60 ] || fail "run_on is not UTC: $skew s from utc_timestamp()"
assert_eq "pgmigrations,pgmigrations_journal,t1,t2,t3,t4" "$(tables "$DB")"
assert_eq 0 "$(myq "$DB" "SELECT count(*) FROM pgmigrations_journal")" "the journal is empty after a clean run"
assert_exit 0 mig --database-url "$DB_URL" migrate
assert_contains "$OUT" "No migrations to run!"

t "a run of 1,050 migrations deletes its 1,050 complete journal rows at its end, by name (1,000 a statement)"
# by name, not with an IN subquery of pgmigrations: MariaDB runs that
# once per row of a DELETE, which was quadratic in the run's length
my_scratch_db DBL
mkdir long
for i in $(seq 1 1050); do
	printf -- '-- Up Migration\nCREATE TABLE l%d (id int);\n' "$i" >"long/$((1700000000000 + i))_l$i.sql"
done
assert_exit 0 mig --database-url "$DBL_URL" -m long migrate --verbose
assert_eq 1050 "$(myq "$DBL" "SELECT count(*) FROM pgmigrations")"
assert_eq 0 "$(myq "$DBL" "SELECT count(*) FROM pgmigrations_journal")" "every complete row is gone"
assert_eq 2 "$(printf '%s\n' "$ERR$OUT" | grep -c "DELETE FROM \`pgmigrations_journal\` WHERE state = 'running' AND name IN (")" "the prune's statements"
assert_contains "$ERR$OUT" "'1700000001050_l1050')"
rm -rf long

t "past the 256 tables the run's model keeps, a later JS migration restates and references an early table as the server has it"
# the model that follows the run is forgotten between migrations once it
# holds more than 256 tables (runner.c, FOLLOWED_TABLES): f1 is then read
# from the server again, for its column and for its primary key. The
# server spells the default 1.50 where the model keeps the 1.5 that was
# written, so the restated column shows where it was read from.
my_scratch_db DBF
mkdir many
cat >many/1700000000001_many.js <<'JS'
exports.up = (pgm) => {
  for (let i = 1; i <= 300; i++) {
    pgm.createTable(`f${i}`, { id: 'id', price: { type: 'decimal(10,2)', default: 1.5 } });
  }
};
JS
cat >many/1700000000002_late.js <<'JS'
exports.up = (pgm) => {
  pgm.alterColumn('f1', 'price', { notNull: true });
  pgm.createTable('child', { id: 'id', f1_id: { type: 'integer', references: 'f1' }, price: { type: 'decimal(10,2)', default: 1.5 } });
  pgm.alterColumn('child', 'price', { notNull: true });
};
JS
assert_exit 0 mig --database-url "$DBF_URL" -m many migrate --verbose
assert_contains "$OUT$ERR" "ALTER TABLE \`f1\` MODIFY COLUMN \`price\` decimal(10,2) NOT NULL DEFAULT 1.50;" "f1 as the server has it"
assert_contains "$OUT$ERR" "ALTER TABLE \`child\` MODIFY COLUMN \`price\` decimal(10,2) NOT NULL DEFAULT 1.5;" "child as the model follows it"
assert_eq "decimal(10,2) NO 1.50" "$(myq "" "SELECT concat(column_type, ' ', is_nullable, ' ', column_default) FROM information_schema.columns WHERE table_schema = '$DBF' AND table_name = 'f1' AND column_name = 'price'")"
assert_eq "f1 id" "$(myq "" "SELECT concat(referenced_table_name, ' ', referenced_column_name) FROM information_schema.key_column_usage WHERE table_schema = '$DBF' AND table_name = 'child' AND referenced_table_name IS NOT NULL")"
assert_eq 300 "$(myq "" "SELECT count(*) FROM information_schema.tables WHERE table_schema = '$DBF' AND table_name LIKE 'f%'")"
rm -rf many

t "mariadb:// is the same engine"
assert_exit 0 mig --database-url "mariadb://root@127.0.0.1:$MIG_TEST_MYSQL_PORT/$DB" status
assert_contains "$ERR" "4 applied, 0 pending"

t "status: applied with their run time, then pending; --json"
assert_exit 0 mig --database-url "$DB_URL" rollback
assert_exit 0 mig --database-url "$DB_URL" status
assert_eq 4 "$(printf '%s\n' "$OUT" | wc -l)" "status lines"
printf '%s\n' "$OUT" | sed -n 1p | grep -Eq '^1700000000001_t1 +[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}$' || fail "first status line: $OUT"
assert_contains "$(printf '%s\n' "$OUT" | sed -n 4p)" "pending"
assert_contains "$ERR" "3 applied, 1 pending"
assert_exit 0 mig --database-url "$DB_URL" status --json
assert_contains "$OUT" '"name": "1700000000004_t4", "status": "pending", "run_on": null'
assert_contains "$OUT" '"name": "1700000000001_t1", "status": "applied", "run_on": "'

t "migrate N / name; rollback N / name / 0 (= all); redo [N]"
my_scratch_db DB
new_set
U=$DB_URL
assert_exit 0 mig --database-url "$U" migrate 1
assert_eq 1700000000001_t1 "$(applied "$DB")"
assert_exit 0 mig --database-url "$U" migrate 1700000000003_t3
assert_eq 1700000000001_t1,1700000000002_t2,1700000000003_t3 "$(applied "$DB")" "up to a name"
assert_exit 0 mig --database-url "$U" rollback 2
assert_eq 1700000000001_t1 "$(applied "$DB")"
assert_eq "pgmigrations,pgmigrations_journal,t1" "$(tables "$DB")"
assert_exit 0 mig --database-url "$U" migrate
assert_exit 0 mig --database-url "$U" rollback 1700000000003_t3
assert_eq 1700000000001_t1,1700000000002_t2 "$(applied "$DB")" "down to a name (it included)"
assert_exit 0 mig --database-url "$U" migrate
before=$(myq "$DB" "SELECT id FROM pgmigrations WHERE name = '1700000000004_t4'")
assert_exit 0 mig --database-url "$U" redo
assert_contains "$OUT" "rolled back 1700000000004_t4"
assert_contains "$OUT" "applied 1700000000004_t4"
after=$(myq "$DB" "SELECT id FROM pgmigrations WHERE name = '1700000000004_t4'")
[ "$after" -gt "$before" ] || fail "redo did not record 004 again ($before -> $after)"
assert_exit 0 mig --database-url "$U" redo 2
assert_eq "$ALL" "$(applied "$DB")"
assert_exit 0 mig --database-url "$U" rollback 0
assert_eq "" "$(applied "$DB")"
assert_eq "pgmigrations,pgmigrations_journal" "$(tables "$DB")" "rollback 0 removes every table"

t "--fake records without running; --dry-run changes nothing"
my_scratch_db DB
new_set
assert_exit 0 mig --database-url "$DB_URL" migrate --dry-run
assert_contains "$OUT" "CREATE TABLE t1 (id integer PRIMARY KEY);"
assert_contains "$OUT" "INSERT INTO \`pgmigrations\` (name, run_on) VALUES ('1700000000001_t1', UTC_TIMESTAMP(6))"
assert_eq "" "$(tables "$DB")" "a dry run creates nothing, not even the state table"
assert_exit 0 mig --database-url "$DB_URL" migrate 2 --fake
assert_contains "$OUT" "fake-applied 1700000000002_t2"
assert_eq 1700000000001_t1,1700000000002_t2 "$(applied "$DB")"
assert_eq "pgmigrations" "$(tables "$DB")" "--fake ran no statement"
assert_exit 0 mig --database-url "$DB_URL" migrate --dry-run
assert_not_contains "$OUT" "CREATE TABLE t1"
assert_contains "$OUT" "CREATE TABLE t3"
assert_eq "pgmigrations" "$(tables "$DB")"

t "check-order: an applied migration that is not a prefix of the files"
my_scratch_db DB
new_set
assert_exit 0 mig --database-url "$DB_URL" migrate
myq "$DB" "DELETE FROM pgmigrations WHERE name = '1700000000002_t2'"
assert_exit 1 mig --database-url "$DB_URL" migrate
assert_contains "$ERR" "Not run migration 1700000000002_t2 is preceding already run migration 1700000000003_t3"
myq "$DB" "DROP TABLE t2"
assert_exit 0 mig --database-url "$DB_URL" migrate --no-check-order
assert_eq 1700000000001_t1,1700000000003_t3,1700000000004_t4,1700000000002_t2 "$(applied "$DB")"

t "-t names the state table; -s is the database the migrations run in"
my_scratch_db DB
my_scratch_db OTHER
new_set
assert_exit 0 mig --database-url "$DB_URL" -t my_runs migrate 1
assert_eq 1700000000001_t1 "$(applied "$DB" my_runs)"
assert_eq "my_runs,my_runs_journal,t1" "$(tables "$DB")"
assert_exit 0 mig --database-url "$DB_URL" -s "$OTHER" migrate 1
assert_eq "pgmigrations,pgmigrations_journal,t1" "$(tables "$OTHER")" "-s: tables and state in that database"
assert_eq 1700000000001_t1 "$(applied "$OTHER")"
NEWDB=${OTHER}_new
on_exit "myq '' 'DROP DATABASE IF EXISTS $NEWDB'"
assert_exit 0 mig --database-url "$DB_URL" -s "$NEWDB" --create-schema migrate 1
assert_eq "pgmigrations,pgmigrations_journal,t1" "$(tables "$NEWDB")" "--create-schema creates the database"
my_scratch_db THIRD
assert_exit 0 mig --database-url "$THIRD_URL" --migrations-schema "$OTHER" -t runs_elsewhere migrate 2
assert_eq 1700000000001_t1,1700000000002_t2 "$(applied "$OTHER" runs_elsewhere)" "--migrations-schema holds the state"
assert_eq "t1,t2" "$(tables "$THIRD")" "and the migrations run in the URL's database"
assert_exit 2 mig --database-url "$DB_URL" -s "$OTHER" -s "$NEWDB" status
assert_contains "$ERR" "MySQL/MariaDB has no search path: give one --schema"

t "a .sql file with a trigger body, DELIMITER and backslash-escaped literals"
my_scratch_db DB
rm -rf migrations && mkdir migrations
cat >migrations/1_trigger.sql <<'SQL'
-- Up Migration
CREATE TABLE notes (id int PRIMARY KEY, body varchar(100), n int);
CREATE TRIGGER notes_bi BEFORE INSERT ON notes FOR EACH ROW
BEGIN
  IF NEW.n IS NULL THEN
    SET NEW.n = 1;
  END IF;
  SET NEW.body = concat(NEW.body, ';');
END;
DELIMITER $$
CREATE PROCEDURE add_note(IN i int)
BEGIN
  INSERT INTO notes (id, body) VALUES (i, 'it''s a \'quote\' and a \\ backslash');
END$$
DELIMITER ;
CALL add_note(1);
-- Down Migration
DROP PROCEDURE add_note;
DROP TABLE notes;
SQL
assert_exit 0 mig --database-url "$DB_URL" migrate
assert_eq "1	it's a 'quote' and a \\ backslash;	1" "$(myq "$DB" "SELECT id, body, n FROM notes")"
assert_exit 0 mig --database-url "$DB_URL" rollback
assert_eq "pgmigrations,pgmigrations_journal" "$(tables "$DB")"

t "a statement that fails: MySQL's error number, SQLSTATE, message and the file's line"
my_scratch_db DB
rm -rf migrations && mkdir migrations
printf -- '-- Up Migration\nCREATE TABLE a (id int);\n\nINSERT INTO nope VALUES (1);\n-- Down Migration\nDROP TABLE a;\n' >migrations/1_a.sql
assert_exit 1 mig --database-url "$DB_URL" migrate
assert_contains "$ERR" "migrations/1_a.sql:4"
assert_contains "$ERR" "ERROR 1146 (42S02)"
assert_contains "$ERR" "doesn't exist"
assert_contains "$ERR" "INSERT INTO nope VALUES (1)"

t "failure at statement 3 of 4: report, failed in status, refusal, repair --pending"
my_scratch_db DB
rm -rf migrations && mkdir migrations
cat >migrations/1_base.sql <<'SQL'
-- Up Migration
CREATE TABLE base (id int PRIMARY KEY);
-- Down Migration
DROP TABLE base;
SQL
cat >migrations/2_four.sql <<'SQL'
-- Up Migration
CREATE TABLE f1 (id int);
CREATE TABLE f2 (id int);
ALTER TABLE f_missing ADD COLUMN x int;
CREATE TABLE f4 (id int);
-- Down Migration
DROP TABLE f4;
DROP TABLE f2;
DROP TABLE f1;
SQL
cat >migrations/3_after.sql <<'SQL'
-- Up Migration
CREATE TABLE after3 (id int);
-- Down Migration
DROP TABLE after3;
SQL
assert_exit 1 mig --database-url "$DB_URL" migrate
assert_contains "$ERR" "migration 2_four failed"
assert_contains "$ERR" "migrations/2_four.sql:4"
assert_contains "$ERR" "ERROR 1146 (42S02)"
assert_contains "$ERR" "the 2 statement(s) before the failing one (statement 3) stay applied"
assert_contains "$ERR" "migrations repair 2_four --applied"
assert_eq 1_base "$(applied "$DB")"
assert_eq "base,f1,f2,pgmigrations,pgmigrations_journal" "$(tables "$DB")"
assert_eq "2_four	up	failed	2" "$(myq "$DB" "SELECT name, direction, state, statements_done FROM pgmigrations_journal")"
assert_exit 0 mig --database-url "$DB_URL" status
assert_contains "$OUT" "2_four"
assert_contains "$OUT" "FAILED while applying: 2 statement(s) ran"
assert_contains "$ERR" "1 applied, 1 pending, 1 failed"
assert_exit 0 mig --database-url "$DB_URL" status --json
assert_contains "$OUT" '"name": "2_four", "status": "failed"'
assert_contains "$OUT" '"failure": {"direction": "up", "interrupted": false, "statements_done": 2'
assert_contains "$OUT" 'ERROR 1146 (42S02)'
for cmd in migrate rollback redo; do
	assert_exit 1 mig --database-url "$DB_URL" $cmd
	assert_contains "$ERR" "$cmd refused: migration 2_four failed half-way"
	assert_contains "$ERR" "migrations repair 2_four --pending"
done
assert_eq 1_base "$(applied "$DB")" "nothing ran while it was failed"
assert_exit 2 mig --database-url "$DB_URL" repair 2_four
assert_contains "$ERR" "exactly one of --applied"
assert_exit 2 mig --database-url "$DB_URL" repair 3_after --pending
assert_contains "$ERR" "3_after is not a failed migration"
# undo by hand, fix the file, forget the failure: migrate runs it again
myq "$DB" "DROP TABLE f1; DROP TABLE f2"
sed -i 's/f_missing/f2/' migrations/2_four.sql
assert_exit 0 mig --database-url "$DB_URL" repair 2_four --pending
assert_contains "$ERR" "2_four: recorded as pending"
assert_eq 0 "$(myq "$DB" "SELECT count(*) FROM pgmigrations_journal")"
assert_exit 0 mig --database-url "$DB_URL" migrate
assert_eq 1_base,2_four,3_after "$(applied "$DB")"
assert_eq "after3,base,f1,f2,f4,pgmigrations,pgmigrations_journal" "$(tables "$DB")"

t "repair --applied: the user finished it by hand"
my_scratch_db DB
sed -i 's/ALTER TABLE f2 ADD/ALTER TABLE f_missing ADD/' migrations/2_four.sql
assert_exit 1 mig --database-url "$DB_URL" migrate
myq "$DB" "CREATE TABLE f4 (id int)"
assert_exit 0 mig --database-url "$DB_URL" repair migrations/2_four.sql --applied
assert_contains "$ERR" "2_four: recorded as applied"
assert_eq 1_base,2_four "$(applied "$DB")"
assert_exit 0 mig --database-url "$DB_URL" migrate
assert_eq 1_base,2_four,3_after "$(applied "$DB")"

t "a failing rollback is journalled as down; the first statement failing leaves it pending"
assert_exit 0 mig --database-url "$DB_URL" rollback
myq "$DB" "DROP TABLE f2"
assert_exit 1 mig --database-url "$DB_URL" rollback
assert_contains "$ERR" "the 1 statement(s) before the failing one (statement 2) stay applied"
assert_eq "2_four	down	failed	1" "$(myq "$DB" "SELECT name, direction, state, statements_done FROM pgmigrations_journal")"
assert_exit 0 mig --database-url "$DB_URL" status
assert_contains "$OUT" "FAILED while rolling back: 1 statement(s) ran"
myq "$DB" "DROP TABLE f1"
assert_exit 0 mig --database-url "$DB_URL" repair 2_four --pending
assert_eq 1_base "$(applied "$DB")"
# a migration whose very first statement fails changed nothing: no repair needed
sed -i 's/^CREATE TABLE f1 (id int);/CREATE TABLE base (id int);/' migrations/2_four.sql
assert_exit 1 mig --database-url "$DB_URL" migrate
assert_contains "$ERR" "as nothing of it stayed applied, it is pending again"
assert_eq 0 "$(myq "$DB" "SELECT count(*) FROM pgmigrations_journal")"
assert_exit 1 mig --database-url "$DB_URL" migrate
assert_contains "$ERR" "ERROR 1050 (42S01)" "it runs again, and fails again the same way"

t "a JS migration failing at its third operation: the first two are undone by their inverses"
my_scratch_db DB
rm -rf migrations && mkdir migrations
cat >migrations/1_decl.js <<'JS'
exports.up = (pgm) => {
  pgm.createTable('da', { id: 'id', name: { type: 'varchar(40)', notNull: true } });
  pgm.addColumns('da', { note: { type: 'text' } });
  pgm.addColumns('nowhere', { x: 'integer' });
};
JS
assert_exit 1 mig --database-url "$DB_URL" migrate
assert_contains "$ERR" "migrations/1_decl.js:4"
assert_contains "$ERR" "failed at its operation 3: the 2 operation(s) before it were undone by their inverses"
assert_contains "$ERR" "it is pending again"
assert_eq "pgmigrations,pgmigrations_journal" "$(tables "$DB")" "nothing of it is left"
assert_eq 0 "$(myq "$DB" "SELECT count(*) FROM pgmigrations_journal")" "and no journal row"
sed -i "s/'nowhere'/'da'/; s/x: 'integer'/extra: 'integer'/" migrations/1_decl.js
assert_exit 0 mig --database-url "$DB_URL" migrate
assert_eq 1_decl "$(applied "$DB")"
assert_eq "id,name,note,extra" "$(myq "" "SELECT group_concat(column_name ORDER BY ordinal_position SEPARATOR ',') FROM information_schema.columns WHERE table_schema = '$DB' AND table_name = 'da'")"

t "the lock: a second run is refused at once, names the holder, and --lock-wait waits"
my_scratch_db DB
rm -rf migrations && mkdir migrations
printf -- '-- Up Migration\nCREATE TABLE slow (id int);\nSELECT SLEEP(3);\n-- Down Migration\nDROP TABLE slow;\n' >migrations/1_slow.sql
mig --database-url "$DB_URL" migrate >"$WORK/bg.out" 2>&1 &
bg=$!
my_wait_for "" "SELECT count(*) > 0 FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP(3)%'"
assert_exit 1 mig --database-url "$DB_URL" migrate
assert_contains "$ERR" "Another migration is already running"
assert_contains "$ERR" "connection"
assert_contains "$ERR" "root"
assert_exit 0 mig --database-url "$DB_URL" migrate --lock-wait 30
assert_contains "$OUT" "No migrations to run!"
wait $bg || fail "the first run failed: $(cat "$WORK/bg.out")"
assert_eq 1_slow "$(applied "$DB")"
assert_eq 0 "$(myq "" "SELECT count(*) FROM information_schema.processlist WHERE db = '$DB'")" "every session ended"

t "16 concurrent runs apply each migration exactly once"
my_scratch_db DB
rm -rf migrations && mkdir migrations
myq "$DB" "CREATE TABLE hits (name varchar(64))"
for i in $(seq -w 1 12); do
	printf -- '-- Up Migration\nCREATE TABLE c%s (id int);\nINSERT INTO hits VALUES ('"'"'%s'"'"');\n-- Down Migration\nDROP TABLE c%s;\n' "$i" "$i" "$i" >"migrations/${i}_c.sql"
done
pids=()
for k in $(seq 1 16); do
	mig --database-url "$DB_URL" migrate --lock-wait 60 >"$WORK/conc.$k" 2>&1 &
	pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || fail "a concurrent run failed: $(cat "$WORK"/conc.*)"; done
assert_eq 12 "$(myq "$DB" "SELECT count(*) FROM pgmigrations")"
assert_eq 12 "$(myq "$DB" "SELECT count(DISTINCT name) FROM pgmigrations")"
assert_eq 12 "$(myq "$DB" "SELECT count(*) FROM hits")" "each migration ran once"
assert_eq 15 "$(grep -l 'No migrations to run!' "$WORK"/conc.* | wc -l)" "the other 15 found nothing to do"

t "a run killed with SIGKILL half-way: the next run names the migration"
my_scratch_db DB
rm -rf migrations && mkdir migrations
printf -- '-- Up Migration\nCREATE TABLE k1 (id int);\nSELECT SLEEP(20);\nCREATE TABLE k3 (id int);\n-- Down Migration\nDROP TABLE k1;\n' >migrations/1_kill.sql
# the binary itself, not a subshell around it: SIGKILL must hit the run
"$MIG_BIN" --database-url "$DB_URL" migrate >/dev/null 2>&1 &
bg=$!
my_wait_for "" "SELECT count(*) > 0 FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP(20)%'"
kill -KILL $bg
wait $bg 2>/dev/null || true
# the server notices the dead client and ends its session (and its lock)
myq "" "KILL QUERY $(myq "" "SELECT id FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP(20)%' LIMIT 1")" || true
assert_exit 1 mig --database-url "$DB_URL" migrate --lock-wait 20
assert_contains "$ERR" "migrate refused: migration 1_kill was interrupted"
assert_contains "$ERR" "1 of its statement(s) are known to have run"
assert_exit 0 mig --database-url "$DB_URL" status
assert_contains "$OUT" "INTERRUPTED while applying: 1 statement(s) ran, the next may have"
assert_exit 0 mig --database-url "$DB_URL" status --json
assert_contains "$OUT" '"interrupted": true, "statements_done": 1'
assert_eq "k1,pgmigrations,pgmigrations_journal" "$(tables "$DB")"
myq "$DB" "DROP TABLE k1"
assert_exit 0 mig --database-url "$DB_URL" repair 1_kill --pending
sed -i 's/SLEEP(20)/SLEEP(0)/' migrations/1_kill.sql
assert_exit 0 mig --database-url "$DB_URL" migrate
assert_eq "k1,k3,pgmigrations,pgmigrations_journal" "$(tables "$DB")"

t "wrong password, unreachable port, bad URL parameter: one message, no password"
PW=${MIG_TEST_MYSQL_PASSWORD:?}
assert_exit 0 mig --database-url "$MIG_TEST_MYSQL_PASSWORD_URL" status
wrong=${MIG_TEST_MYSQL_PASSWORD_URL/p%40ss/wrong%40pw}
assert_exit 1 mig --database-url "$wrong" status
assert_contains "$ERR" "Access denied for user 'mig'"
assert_not_contains "$ERR$OUT" "wrong@pw"
assert_not_contains "$ERR$OUT" "wrong%40pw"
assert_not_contains "$ERR$OUT" "$PW"
free_port=$(( (MIG_TEST_MYSQL_PORT + 1) % 65535 ))
while (exec 3<>"/dev/tcp/127.0.0.1/$free_port") 2>/dev/null; do free_port=$((free_port + 1)); done
assert_exit 1 mig --database-url "${MIG_TEST_MYSQL_PASSWORD_URL/:$MIG_TEST_MYSQL_PORT\//:$free_port/}" --connect-timeout 3 status
assert_contains "$ERR" "cannot connect"
assert_not_contains "$ERR$OUT" "${PW%%@*}"
assert_exit 2 mig --database-url "$MIG_TEST_MYSQL_PASSWORD_URL?sslmode=require" status
assert_contains "$ERR" "unknown parameter 'sslmode'"
assert_not_contains "$ERR$OUT" "${PW%%@*}"
assert_exit 2 mig --database-url "$MIG_TEST_MYSQL_PASSWORD_URL?ssl-mode=sometimes" status
assert_not_contains "$ERR$OUT" "${PW%%@*}"
# the password never shows in verbose output or a failing run either
my_scratch_db DB
rm -rf migrations && mkdir migrations
printf -- '-- Up Migration\nSELECT nope();\n' >migrations/1_x.sql
assert_exit 1 mig --database-url "${MIG_TEST_MYSQL_PASSWORD_URL%/*}/$DB" migrate --verbose
assert_not_contains "$ERR$OUT" "${PW%%@*}"

t "the session is pinned whatever the server's defaults say (on a private server)"
PRIVATE=$WORK/private-server
eval "$("$MIG_SOURCE_DIR/tests/ci/mysql-up.sh" "$PRIVATE" 2>/dev/null | sed 's/MIG_TEST_MYSQL_/P_/')"
on_exit "'$MIG_SOURCE_DIR/tests/ci/mysql-down.sh' '$PRIVATE'"
P=$P_URL
pq() { "${MY_CLIENT}" --no-defaults --protocol=tcp -h 127.0.0.1 -P "$P_PORT" -u root -N -B -r -e "$1" mig_test; }
# the quoting of names and literals would break under these if the session
# did not pin its own sql_mode
pq "SET GLOBAL sql_mode = 'ANSI_QUOTES,NO_BACKSLASH_ESCAPES', GLOBAL time_zone = '+05:00'"
rm -rf migrations && mkdir migrations
cat >"migrations/1_it's\\x.sql" <<'SQL'
-- Up Migration
CREATE TABLE probe (lw int, ilw int, mst double, mode text, tz text, s text);
INSERT INTO probe VALUES (@@lock_wait_timeout, @@innodb_lock_wait_timeout, @@max_statement_time, @@sql_mode, @@time_zone, "a \"string\" \\ here");
-- Down Migration
DROP TABLE probe;
SQL
assert_exit 0 mig --database-url "$P" migrate --lock-timeout 1500ms --statement-timeout 2min
assert_eq "2	2	120	ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION	+00:00	a \"string\" \\ here" \
	"$(pq "SELECT * FROM probe")" "the session's settings"
assert_eq "1_it's\\x" "$(pq "SELECT name FROM pgmigrations")" "a name with a quote and a backslash is recorded exactly"
assert_exit 0 mig --database-url "$P" rollback
assert_eq 0 "$(pq "SELECT count(*) FROM pgmigrations")" "and found again to un-record it"
printf -- '-- Up Migration\nSELECT SLEEP(5);\n' >migrations/2_sleep.sql
rm "migrations/1_it's\\x.sql"
assert_exit 1 mig --database-url "$P" migrate --statement-timeout 1s
assert_contains "$ERR" "max_statement_time"
assert_exit 2 mig --database-url "$P" migrate --statement-timeout soon
assert_contains "$ERR" "--statement-timeout 'soon' is not a duration"
pq "SET GLOBAL sql_mode = DEFAULT, GLOBAL time_zone = SYSTEM"

t "a server killed mid-run: the run says so, and the next run names the migration"
rm -rf migrations && mkdir migrations
printf -- '-- Up Migration\nCREATE TABLE s1 (id int);\nSELECT SLEEP(20);\n-- Down Migration\nDROP TABLE s1;\n' >migrations/1_srv.sql
mig --database-url "$P" migrate >"$WORK/srv.out" 2>&1 &
bg=$!
for i in $(seq 1 100); do
	grep -q "SLEEP(20)" <("${MY_CLIENT}" --no-defaults --protocol=tcp -h 127.0.0.1 -P "$P_PORT" -u root -N -B -e "SHOW PROCESSLIST" 2>/dev/null) && break
	sleep 0.1
done
kill -KILL "$(cat "$P_PIDFILE")"
set +e
wait $bg
rc=$?
set -e
assert_eq 1 "$rc" "exit status of the run that lost its server"
srv=$(cat "$WORK/srv.out")
assert_contains "$srv" "migration 1_srv failed"
assert_contains "$srv" "the connection was lost"
eval "$("$MIG_SOURCE_DIR/tests/ci/mysql-up.sh" "$PRIVATE" 2>/dev/null | sed 's/MIG_TEST_MYSQL_/P_/')"
assert_exit 1 mig --database-url "$P_URL" migrate
assert_contains "$ERR" "migration 1_srv was interrupted"
