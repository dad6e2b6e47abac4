# The `migrations` command end to end on SQLite: every command and flag of
# the walking skeleton, and the bad-input paths. Each section uses its own
# database file in a fresh temporary directory.
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null || fail "the sqlite3 command-line shell is needed (apt-get install sqlite3)"

q() { sqlite3 -batch -noheader "$1" "$2"; }

new_dir() { # a fresh migrations folder with three .sql migrations
	rm -rf migrations ./*.db
	mkdir -p migrations
	cat >migrations/1700000000001_users.sql <<'SQL'
-- Up Migration
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);

-- Down Migration
DROP TABLE users;
SQL
	cat >migrations/1700000000002_posts.sql <<'SQL'
-- Up Migration
CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), body TEXT);
INSERT INTO users (email) VALUES ('a@example.com');

-- Down Migration
DROP TABLE posts;
DELETE FROM users WHERE email = 'a@example.com';
SQL
	cat >migrations/1700000000003_tags.sql <<'SQL'
-- Up Migration
CREATE TABLE tags (name TEXT PRIMARY KEY);
-- Down Migration
DROP TABLE tags;
SQL
}

applied() { q "$1" "SELECT group_concat(name, ',') FROM (SELECT name FROM pgmigrations ORDER BY run_on, id)"; }

export -n DATABASE_URL 2>/dev/null || true
unset DATABASE_URL PGHOST

t "embedded default: no URL -> migrations.db in the working directory, with a notice"
new_dir
assert_exit 0 mig migrate
assert_contains "$ERR" "using the embedded SQLite database migrations.db"
# one transaction: each has run, and is applied with the COMMIT
assert_contains "$OUT" "ran 1700000000001_users"
assert_contains "$OUT" "ran 1700000000003_tags"
assert_contains "$OUT" "committed: 3 migrations applied (1700000000001_users .. 1700000000003_tags)"
[ -f migrations.db ] || fail "migrations.db was not created"
assert_eq "1700000000001_users,1700000000002_posts,1700000000003_tags" "$(applied migrations.db)"
assert_eq "1" "$(q migrations.db "SELECT count(*) FROM users")"
assert_exit 0 mig migrate
assert_contains "$OUT" "No migrations to run!"

t "status: one line per migration, time or pending; --json"
assert_exit 0 mig rollback
assert_exit 0 mig status
lines=$(printf '%s\n' "$OUT" | wc -l)
assert_eq 3 "$lines" "status line count"
assert_contains "$(printf '%s\n' "$OUT" | sed -n 1p)" "1700000000001_users "
printf '%s\n' "$OUT" | sed -n 1p | grep -Eq '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.]+$' || fail "no run time on the first status line: $OUT"
assert_contains "$(printf '%s\n' "$OUT" | sed -n 3p)" "pending"
assert_contains "$ERR" "2 applied, 1 pending"
assert_exit 0 mig status --json
assert_contains "$OUT" '"name": "1700000000003_tags", "status": "pending", "run_on": null'
assert_contains "$OUT" '"name": "1700000000001_users", "status": "applied", "run_on": "'
python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d)==3 and d[2]["status"]=="pending"' <<<"$OUT" ||
	fail "status --json is not the expected JSON: $OUT"

t "migrate N / name, rollback N / name / 0, redo"
new_dir
export DATABASE_URL=sqlite:counts.db
assert_exit 0 mig migrate 1
assert_eq "1700000000001_users" "$(applied counts.db)"
assert_exit 0 mig migrate 1700000000003_tags
assert_eq "1700000000001_users,1700000000002_posts,1700000000003_tags" "$(applied counts.db)" "up to a name"
assert_exit 0 mig rollback 2
assert_eq "1700000000001_users" "$(applied counts.db)"
assert_exit 0 mig up
assert_exit 0 mig rollback 1700000000002_posts
assert_eq "1700000000001_users" "$(applied counts.db)" "down to a name"
assert_exit 0 mig up
assert_exit 0 mig rollback 0
assert_eq "" "$(applied counts.db)" "rollback 0 = all"
assert_eq "0" "$(q counts.db "SELECT count(*) FROM sqlite_master WHERE name IN ('users','posts','tags')")"
assert_exit 0 mig migrate
before=$(q counts.db "SELECT id FROM pgmigrations WHERE name='1700000000003_tags'")
assert_exit 0 mig redo
assert_contains "$OUT" "ran down 1700000000003_tags"
assert_contains "$OUT" "ran 1700000000003_tags"
assert_contains "$OUT" "committed: 1 rolled back, 1 applied"
after=$(q counts.db "SELECT id FROM pgmigrations WHERE name='1700000000003_tags'")
[ "$after" -gt "$before" ] || fail "redo did not re-record the migration ($before -> $after)"
assert_exit 0 mig redo 2
assert_eq "1700000000001_users,1700000000002_posts,1700000000003_tags" "$(applied counts.db)"
# redo applies exactly what it rolled back, not every pending migration
assert_exit 0 mig rollback 2
cp migrations/1700000000003_tags.sql migrations/1700000000004_more.sql
sed -i 's/tags/more/g' migrations/1700000000004_more.sql
assert_exit 0 mig migrate 1
assert_exit 0 mig redo 1
assert_eq "1700000000001_users,1700000000002_posts" "$(applied counts.db)" "redo 1 leaves the later pending ones pending"
assert_exit 2 mig redo somename
assert_contains "$ERR" "redo takes a count"
unset DATABASE_URL

t "--dry-run prints the SQL and changes nothing (not even the state table)"
new_dir
assert_exit 0 mig --database-url sqlite:dry.db migrate --dry-run
assert_contains "$OUT" "### MIGRATION 1700000000001_users (UP) ###"
assert_contains "$OUT" "CREATE TABLE users"
[ ! -e dry.db ] || fail "--dry-run created the database file"
assert_exit 0 mig --database-url sqlite:dry.db migrate 1
sum_before=$(sqlite3 dry.db .dump | md5sum)
assert_exit 0 mig --database-url sqlite:dry.db migrate --dry-run
assert_contains "$OUT" "CREATE TABLE posts"
assert_exit 0 mig --database-url sqlite:dry.db rollback --dry-run
assert_contains "$OUT" "DROP TABLE users"
assert_eq "$sum_before" "$(sqlite3 dry.db .dump | md5sum)" "database after dry runs"

t "--fake records without running"
new_dir
assert_exit 0 mig -d sqlite:fake.db migrate --fake
assert_eq "1700000000001_users,1700000000002_posts,1700000000003_tags" "$(applied fake.db)"
assert_eq "0" "$(q fake.db "SELECT count(*) FROM sqlite_master WHERE name='users'")"
assert_exit 0 mig -d sqlite:fake.db rollback 0 --fake
assert_eq "" "$(applied fake.db)"

t "-m, -t, -d as a variable name, --database-url-var, --database-url wins"
new_dir
mv migrations other-dir
export MY_DB=sqlite:vars.db
assert_exit 0 mig -m other-dir -t my_state -d MY_DB migrate
assert_eq "3" "$(q vars.db "SELECT count(*) FROM my_state")"
assert_eq "0" "$(q vars.db "SELECT count(*) FROM sqlite_master WHERE name='pgmigrations'")"
assert_exit 0 mig --migrations-dir=other-dir --migrations-table=my_state --database-url-var MY_DB status
assert_contains "$OUT" "1700000000003_tags"
assert_not_contains "$OUT" "pending"
export DATABASE_URL=sqlite:ignored.db
assert_exit 0 mig -m other-dir --database-url sqlite:explicit.db migrate
[ -f explicit.db ] && [ ! -e ignored.db ] || fail "--database-url did not win over DATABASE_URL"
assert_exit 2 mig -m other-dir -d UNSET_VAR_XYZ status
assert_contains "$ERR" "UNSET_VAR_XYZ environment variable is not set"
unset DATABASE_URL MY_DB
mv other-dir migrations

t "options before or after the command"
assert_exit 0 mig status --database-url sqlite:explicit.db -q
assert_eq "" "$ERR"

t "create: -j sql|js|ts, millisecond prefix, name words joined"
rm -rf created
assert_exit 0 mig create -m created add users_table -j sql
assert_contains "$OUT" "Created migration -- created/"
f=$(ls created)
[[ "$f" =~ ^[0-9]{13}_add-users-table\.sql$ ]] || fail "unexpected file name $f"
assert_eq "$(printf -- '-- Up Migration\n\n-- Down Migration')" "$(cat "created/$f")"
assert_exit 0 mig create -m created second -j ts
assert_contains "$(cat created/*_second.ts)" "export async function up(pgm: MigrationBuilder): Promise<void> {}"
assert_exit 0 mig create -m created third
assert_contains "$(cat created/*_third.js)" "export const up = (pgm) => {};"
assert_exit 2 mig create
assert_contains "$ERR" "'migrationName' is required."
assert_exit 2 mig create x -j cobol
assert_contains "$ERR" "unknown migration file language"

t "check-order: an older file added after newer ones ran"
new_dir
export DATABASE_URL=sqlite:order.db
assert_exit 0 mig migrate
cat >migrations/1700000000000_early.sql <<'SQL'
CREATE TABLE early (x INTEGER);
SQL
assert_exit 1 mig migrate
assert_contains "$ERR" "Not run migration 1700000000000_early is preceding already run migration 1700000000001_users"
assert_exit 1 mig rollback
assert_exit 0 mig migrate --no-check-order
assert_contains "$OUT" "applied 1700000000000_early"
unset DATABASE_URL

t "a failing statement: named, shown, rolled back, nothing recorded (single transaction)"
new_dir
cat >migrations/1700000000004_bad.sql <<'SQL'
-- Up Migration
CREATE TABLE fine (x INTEGER);
INSERT INTO no_such_table VALUES (1);
SQL
assert_exit 1 mig -d sqlite:fail.db migrate
assert_contains "$ERR" "migration 1700000000004_bad failed: no such table: no_such_table"
assert_contains "$ERR" "statement: INSERT INTO no_such_table VALUES (1)"
assert_contains "$ERR" "migrations/1700000000004_bad.sql:3:"
assert_contains "$ERR" "rolled back: nothing from this run was applied"
assert_eq "" "$(applied fail.db)"
assert_eq "0" "$(q fail.db "SELECT count(*) FROM sqlite_master WHERE name IN ('users','posts','tags','fine')")"

t "--no-single-transaction keeps the migrations before the failing one"
assert_exit 1 mig -d sqlite:fail.db migrate --no-single-transaction
assert_contains "$ERR" "3 earlier migration(s) of this run stay applied"
assert_eq "1700000000001_users,1700000000002_posts,1700000000003_tags" "$(applied fail.db)"
assert_eq "0" "$(q fail.db "SELECT count(*) FROM sqlite_master WHERE name='fine'")"

t "a syntax error shows the statement with a caret"
new_dir
printf 'CREATE TABLE ok1 (x INTEGER);\nCREATE TABLE oops (x INTEGR,, y);\n' >migrations/1700000000009_syntax.sql
assert_exit 1 mig -d sqlite:syntax.db migrate
assert_contains "$ERR" 'near ",": syntax error'
assert_contains "$ERR" "statement: CREATE TABLE oops (x INTEGR,, y)"
assert_contains "$ERR" "1700000000009_syntax.sql:2:"
caret=$(printf '%s\n' "$ERR" | grep -n '\^' | head -1)
[ -n "$caret" ] || fail "no caret under the failing statement: $ERR"

t "rollback with nothing applied, and of an irreversible migration"
new_dir
assert_exit 0 mig -d sqlite:irr.db rollback
assert_contains "$OUT" "No migrations to run!"
printf 'CREATE TABLE forever (x INTEGER);\n' >migrations/1700000000005_forever.sql
assert_exit 0 mig -d sqlite:irr.db migrate
assert_exit 1 mig -d sqlite:irr.db rollback
assert_contains "$ERR" "User has disabled down migration on file: 1700000000005_forever"
assert_eq "1700000000001_users,1700000000002_posts,1700000000003_tags,1700000000005_forever" "$(applied irr.db)"
assert_exit 1 mig -d sqlite:irr.db rollback 0
assert_eq "1" "$(q irr.db "SELECT count(*) FROM sqlite_master WHERE name='users'")" "nothing rolled back before the refusal"

t "a recorded migration whose file is gone"
rm migrations/1700000000005_forever.sql
assert_exit 1 mig -d sqlite:irr.db rollback
assert_contains "$ERR" "Definitions of migrations 1700000000005_forever have been deleted."

t "the lock: a second run fails at once, or waits with --lock-wait"
new_dir
assert_exit 0 mig -d sqlite:lock.db migrate 1
flock -x lock.db sleep 3 &
holder=$!
sleep 0.3
assert_exit 1 mig -d sqlite:lock.db migrate
assert_contains "$ERR" "Another migration is already running on lock.db"
assert_eq "1700000000001_users" "$(applied lock.db)"
assert_exit 0 mig -d sqlite:lock.db migrate --lock-wait 10
assert_eq "1700000000001_users,1700000000002_posts,1700000000003_tags" "$(applied lock.db)"
wait $holder
flock -x lock.db sleep 2 &
holder=$!
sleep 0.3
assert_exit 1 mig -d sqlite:lock.db rollback --lock-wait 0.5
assert_contains "$ERR" "the lock on lock.db was still held after waiting 0.5 s"
assert_exit 0 mig -d sqlite:lock.db status
wait $holder

t "bad input: exit 2 with one clear message"
assert_exit 2 mig frobnicate
assert_contains "$ERR" "unknown command 'frobnicate'"
assert_exit 2 mig migrate --frobnicate
assert_contains "$ERR" "unknown option --frobnicate"
assert_exit 2 mig
assert_contains "$ERR" "no command given"
assert_exit 2 mig -d 'nonsense://h/db' migrate
assert_contains "$ERR" "unsupported database URL scheme 'nonsense:'"
assert_exit 2 mig -d 'nonsense:' migrate
assert_contains "$ERR" "bad database URL nonsense:"
assert_exit 2 mig -d 'postgres://u:s3cr3t@h:99999/db' migrate
assert_contains "$ERR" "port is out of range"
assert_not_contains "$ERR" "s3cr3t"
assert_exit 2 mig --database-url 'oracle://scott:tiger@h/db' status
assert_not_contains "$ERR" "tiger"
assert_exit 2 mig -d 'sqlite:' migrate
assert_contains "$ERR" "no file path"
assert_exit 2 mig --lock-wait soon migrate
assert_contains "$ERR" "--lock-wait needs a number"
for v in nan inf -inf; do
	assert_exit 2 mig --lock-wait $v migrate
	assert_contains "$ERR" "--lock-wait needs a number, not '$v'"
done
assert_exit 1 mig -m does-not-exist -d sqlite:x.db migrate
assert_contains "$ERR" "cannot open migrations directory does-not-exist"
mkdir -p locked-dir && chmod 000 locked-dir
if [ "$(id -u)" = 0 ]; then
	# root reads everything: check as an unprivileged user when possible
	if command -v setpriv >/dev/null; then
		chmod 777 "$WORK"
		run setpriv --reuid=65534 --regid=65534 --clear-groups "$MIG_BIN" -m locked-dir -d sqlite::memory: migrate
		assert_eq 1 "$RC" "unreadable migrations dir"
		assert_contains "$ERR" "Permission denied"
	fi
else
	assert_exit 1 mig -m locked-dir -d sqlite::memory: migrate
	assert_contains "$ERR" "Permission denied"
fi
chmod 755 locked-dir
new_dir
echo "not a migration" >migrations/README.md
assert_exit 2 mig -d sqlite:x.db migrate
assert_contains "$ERR" 'Cannot determine numeric prefix for "README.md"'
assert_exit 0 mig -d sqlite:x.db migrate --ignore-pattern 'README\.md|\..*'
rm migrations/README.md
printf 'CREATE TABLE bad (x TEXT DEFAULT \xff);\n' >migrations/1700000000006_latin1.sql
assert_exit 2 mig -d sqlite:x.db migrate
assert_contains "$ERR" "1700000000006_latin1.sql:1:"
assert_contains "$ERR" "not valid UTF-8"
rm migrations/1700000000006_latin1.sql
echo "this is not a database" >notadb.db
assert_exit 1 mig -d sqlite:notadb.db migrate
assert_contains "$ERR" "file is not a database"
assert_exit 1 mig -d sqlite:/nonexistent-dir/x.db migrate
assert_contains "$ERR" "cannot open SQLite database /nonexistent-dir/x.db"

t "sql: prints a migration's statements, no database needed"
new_dir
assert_exit 0 mig sql migrations/1700000000003_tags.sql --dialect sqlite
assert_contains "$OUT" "CREATE TABLE tags (name TEXT PRIMARY KEY);"
assert_not_contains "$OUT" "pgmigrations"
assert_exit 0 mig sql 1700000000003_tags --down --dialect postgres
assert_contains "$OUT" "DROP TABLE tags;"
assert_exit 2 mig sql nope --dialect sqlite
assert_contains "$ERR" "no migration nope"
assert_exit 2 mig sql 1700000000003_tags --dialect cobol
assert_contains "$ERR" "unknown dialect 'cobol'"

t "a .env file in the working directory; variables already set win"
new_dir
printf '# comment\nDATABASE_URL=sqlite:from-env-file.db\n' >.env
assert_exit 0 mig migrate
[ -f from-env-file.db ] || fail ".env was not used"
assert_exit 0 env DATABASE_URL=sqlite:from-shell.db "$MIG_BIN" migrate
[ -f from-shell.db ] || fail "a set variable did not win over .env"
rm .env

t "--version and --help"
assert_exit 0 mig --version
assert_contains "$OUT" "migrations "
assert_exit 0 mig --help
assert_contains "$OUT" "Usage: migrations"
assert_contains "$OUT" "rollback [N|name]"

t "a migrations entry that is not a regular file: one clear message, never read forever"
mkdir -p special/migrations
cd special
printf -- '-- Up Migration\nCREATE TABLE a (id int);\n' >migrations/1_a.sql
ln -s /dev/zero migrations/2_zero.sql
assert_exit 2 timeout 20 "$MIG_BIN" -d sqlite:s.db migrate
assert_contains "$ERR" "migrations/2_zero.sql: it is not a regular file (a device)"
rm migrations/2_zero.sql
# a symlink to a FIFO (a FIFO itself in the folder is not a file: skipped, as directories are)
mkfifo fifo
ln -s ../fifo migrations/2_fifo.sql
assert_exit 2 timeout 20 "$MIG_BIN" -d sqlite:s.db migrate
assert_contains "$ERR" "migrations/2_fifo.sql: it is not a regular file (a FIFO)"
rm migrations/2_fifo.sql fifo
truncate -s 65M migrations/2_big.sql
assert_exit 2 "$MIG_BIN" -d sqlite:s.db migrate
assert_contains "$ERR" "more than the 67108864 a migration file may have"
rm migrations/2_big.sql
assert_exit 0 "$MIG_BIN" -d sqlite:s.db migrate
cd ..

t "an error in the third statement of a .sql section names its own line and text"
mkdir -p third/migrations
cd third
printf -- '-- Up Migration\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);\nCREATE TABLEX c (id int);\nINSERT INTO a VALUES (1);\n-- Down Migration\nDROP TABLE a;\n' >migrations/1_a.sql
assert_exit 1 "$MIG_BIN" -d sqlite:s.db migrate
assert_contains "$ERR" "migrations/1_a.sql:4: migration 1_a failed: near \"TABLEX\": syntax error"
assert_contains "$ERR" "statement: CREATE TABLEX c (id int);"
printf -- '-- Up Migration\nCREATE TABLE a (id int);\n\nINSERT INTO nope VALUES (1);\n' >migrations/1_a.sql
assert_exit 1 "$MIG_BIN" -d sqlite:s.db migrate
assert_contains "$ERR" "migrations/1_a.sql:4: migration 1_a failed: no such table: nope"
assert_contains "$ERR" "statement: INSERT INTO nope VALUES (1);"
cd ..

t "--lock-wait also governs the wait for another program's hold on the SQLite file"
mkdir -p busy/migrations
cd busy
printf -- '-- Up Migration\nCREATE TABLE a (id int);\n' >migrations/1_a.sql
printf -- '-- Up Migration\nCREATE TABLE b (id int);\n' >migrations/2_b.sql
assert_exit 0 "$MIG_BIN" -d sqlite:b.db migrate 1
# a reader holds a read transaction for 7 s: the run's COMMIT must wait for it
python3 -c 'import sqlite3, time, sys
db = sqlite3.connect("b.db", isolation_level=None)
db.execute("BEGIN"); db.execute("SELECT count(*) FROM a").fetchall()
open("reader-ready", "w").close(); time.sleep(7); db.execute("COMMIT")' &
reader=$!
for i in $(seq 1 50); do [ -f reader-ready ] && break; sleep 0.1; done
assert_exit 0 "$MIG_BIN" -d sqlite:b.db migrate --lock-wait 30
assert_contains "$OUT" "applied 2_b"
wait $reader
cd ..

t "rollback over a down that cannot be inferred changes nothing, even one transaction per migration"
rm -rf rbm && mkdir rbm
printf "exports.up = (pgm) => { pgm.createTable('rb_a', {id: 'id'}); };\n" >rbm/1_a.js
printf "exports.up = (pgm) => { pgm.sql('CREATE TABLE rb_b (x int)'); };\n" >rbm/2_b.js
printf "exports.up = (pgm) => { pgm.createTable('rb_c', {id: 'id'}); };\n" >rbm/3_c.js
assert_exit 0 mig --database-url sqlite:rb.db -m rbm migrate
assert_exit 1 mig --database-url sqlite:rb.db -m rbm rollback 0 --no-single-transaction
assert_contains "$ERR" 'rbm/2_b.js:1:25: Impossible to automatically infer down migration for "pgm.sql()"'
assert_eq "1_a,2_b,3_c" "$(sqlite3 rb.db "SELECT group_concat(name) FROM (SELECT name FROM pgmigrations ORDER BY id)")"
assert_eq 1 "$(sqlite3 rb.db "SELECT count(*) FROM sqlite_master WHERE name = 'rb_c'")" "3_c was not rolled back"

# The file change counter (offset 24 of the header, big-endian) counts
# the database's commits in rollback-journal mode.
commits() { od -An -tu1 -j24 -N4 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }'; }

t "a first run on a fresh database commits once: the migrations table is made in the run's transaction"
new_dir
assert_exit 0 mig --database-url sqlite:once.db migrate
assert_eq 1 "$(commits once.db)" "commits of a first run"
assert_eq "1700000000001_users,1700000000002_posts,1700000000003_tags" "$(applied once.db)"
assert_exit 0 mig --database-url sqlite:none.db -m "$(mkdir -p empty && echo empty)" migrate
assert_eq 1 "$(q none.db "SELECT count(*) FROM sqlite_master WHERE name = 'pgmigrations'")" "nothing to run still leaves the table"
# the run rolls back: no records and none of its tables, but the empty
# migrations table stays, as when it was made before the run
printf -- '-- Up Migration\nINSERT INTO nope VALUES (1);\n' >migrations/1700000000004_bad.sql
assert_exit 1 mig --database-url sqlite:rolled.db migrate
assert_eq 0 "$(q rolled.db "SELECT count(*) FROM pgmigrations")" "records after the rollback"
assert_eq 0 "$(q rolled.db "SELECT count(*) FROM sqlite_master WHERE name = 'users'")" "tables after the rollback"
# refused before anything ran: the table as well
printf "exports.up = (pgm) => { pgm.addTypeAttribute('t', 'a', 'int'); };\n" >migrations/1700000000004_bad.js
rm migrations/1700000000004_bad.sql
assert_exit 2 mig --database-url sqlite:refused.db migrate --js-engine static
assert_contains "$ERR" "addTypeAttribute is not supported on SQLite"
assert_eq 1 "$(q refused.db "SELECT count(*) FROM sqlite_master WHERE name = 'pgmigrations'")" "the table after a refusal"
# one transaction per migration: the table comes with the first one
rm migrations/1700000000004_bad.js
assert_exit 0 mig --database-url sqlite:each.db migrate --no-single-transaction
assert_eq 3 "$(commits each.db)" "commits of three migrations, a transaction each"
# nothing to run, and another writer holds the file past the busy
# timeout: the table cannot be made, which is this run's error (and it
# is not tried again when the run closes, which would wait for the
# writer and then make it)
rm -f held.db held-ready
python3 -c 'import sqlite3, time
db = sqlite3.connect("held.db", isolation_level=None)
db.execute("BEGIN IMMEDIATE")
open("held-ready", "w").close(); time.sleep(7); db.execute("COMMIT")' &
holder=$!
for i in $(seq 1 50); do [ -f held-ready ] && break; sleep 0.1; done
assert_exit 1 mig --database-url sqlite:held.db -m empty migrate --lock-wait 1
assert_contains "$ERR" "Unable to ensure migrations table: database is locked"
assert_eq 0 "$(q held.db "SELECT count(*) FROM sqlite_master WHERE name = 'pgmigrations'")" "the table after the failed run"
wait $holder
# a migration outside a transaction first: the table is made before it
printf "exports.up = (pgm) => { pgm.noTransaction(); pgm.sql('CREATE TABLE nt (x int)'); };\n" >migrations/1700000000000_nt.js
assert_exit 0 mig --database-url sqlite:nt.db migrate
assert_eq "1700000000000_nt,1700000000001_users,1700000000002_posts,1700000000003_tags" "$(applied nt.db)"
