# Disk full on SQLite, on a real full file system (a 512 KiB tmpfs): the
# migration fails with SQLite's message and what it left, the database is
# intact, the rollback journal is gone and the file is back to its size
# before the run; with space again the migration applies. Needs root (to
# mount the tmpfs).
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null || fail "the sqlite3 command-line shell is needed (apt-get install sqlite3)"
unset DATABASE_URL
[ "$(id -u)" = 0 ] || skip_or_fail "mounting a small tmpfs needs root"
mkdir -p "$WORK/full"
mount -t tmpfs -o size=512k tmpfs "$WORK/full" 2>"$WORK/mount.err" ||
	skip_or_fail "cannot mount a tmpfs: $(cat "$WORK/mount.err")"
on_exit "umount -l '$WORK/full'"

DB=$WORK/full/app.db
mkdir -p migrations
printf -- "-- Up Migration\nCREATE TABLE a (x text);\nINSERT INTO a VALUES ('small');\n" >migrations/1_a.sql
printf -- "-- Up Migration\nCREATE TABLE big (x text);\nWITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 3000) INSERT INTO big SELECT hex(randomblob(50)) FROM s;\n" >migrations/2_big.sql

t "a migration that fills the disk fails; the database is intact and SQLite's leftovers are cleaned up"
assert_exit 0 mig --database-url "sqlite:$DB" migrate 1
size_before=$(stat -c %s "$DB")
avail=$(df -k "$WORK/full" | tail -1 | awk '{ print $4 }')
dd if=/dev/zero of="$WORK/full/filler" bs=1k count=$((avail - 40)) 2>/dev/null || true
assert_exit 1 mig --database-url "sqlite:$DB" migrate
# in the INSERT or at COMMIT, depending on how much the journal took
assert_contains "$ERR" "migrations/2_big.sql"
assert_contains "$ERR" "migration 2_big failed"
assert_contains "$ERR" "database or disk is full"
assert_contains "$ERR" "detail: the disk is full: SQLite rolled the transaction back; its journal is removed and $DB is back to $size_before bytes"
assert_contains "$ERR" "rolled back: nothing from this run was applied"
[ ! -e "$DB-journal" ] || fail "the rollback journal is left: $(ls -la "$DB-journal")"
assert_eq "$size_before" "$(stat -c %s "$DB")" "the database file's size"
assert_eq ok "$(sqlite3 "$DB" "PRAGMA integrity_check")"
assert_eq 1_a "$(sqlite3 "$DB" "SELECT group_concat(name) FROM pgmigrations")"
assert_eq "" "$(sqlite3 "$DB" "SELECT name FROM sqlite_master WHERE name = 'big'")"

t "with space again, the same migration applies"
rm -f "$WORK/full/filler"
assert_exit 0 mig --database-url "sqlite:$DB" migrate
assert_eq 3000 "$(sqlite3 "$DB" "SELECT count(*) FROM big")"
