# Other tools' .sql files read as theirs (docs/migration-format.md): one
# folder of dbmate, goose and golang-migrate migrations, applied, checked,
# rolled back and applied again on SQLite, PostgreSQL and MariaDB. Before
# this, a dbmate file ran as one all-up script (its table created and
# dropped again in the same migrate), a goose file likewise, and each
# golang-migrate file was a migration of its own (the .down.sql applied
# right after its .up.sql).
#
# Then what is refused, with file:line and exit 2: markers of two tools in
# one file, a golang-migrate down file without its up.
. "$(dirname "$0")/lib.sh"

unset DATABASE_URL

# q ENGINE URL SQL: rows of SQL, one per line
q() {
	case $1 in
	sqlite) sqlite3 "${2#sqlite:}" "$3" ;;
	postgres) pgq "$2" "$3" ;;
	mysql) myq "${2##*/}" "$3" ;;
	esac
}

# tables ENGINE URL: the tables, sorted, on one line (not the journal
# the tool keeps while a migration runs outside a transaction)
tables() {
	case $1 in
	sqlite) q "$1" "$2" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name" ;;
	postgres) q "$1" "$2" "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename" ;;
	mysql) q "$1" "$2" "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name" ;;
	esac | grep -v '^pgmigrations_' | tr '\n' ' '
}

# folder ENGINE DIR: the migrations, with a body that is one statement
# holding semicolons in each engine's own syntax
folder() {
	local engine=$1 dir=$2
	mkdir -p "$dir"
	# dbmate: the down section must not run on migrate
	cat >"$dir/20240101000000_dm_users.sql" <<'SQL'
-- migrate:up
CREATE TABLE dm_users (id integer PRIMARY KEY, name varchar(50));
INSERT INTO dm_users VALUES (1, 'ada');

-- migrate:down
DROP TABLE dm_users;
SQL
	# goose, with a StatementBegin/End body: a trigger that doubles n
	{
		printf -- '-- +goose Up\n'
		printf -- 'CREATE TABLE gs_items (id integer PRIMARY KEY, n integer);\n'
		printf -- '-- +goose StatementBegin\n'
		case $engine in
		sqlite)
			cat <<'SQL'
CREATE TRIGGER gs_double AFTER INSERT ON gs_items
BEGIN
  UPDATE gs_items SET n = n * 2 WHERE id = NEW.id;
  UPDATE gs_items SET n = n + 0 WHERE id = NEW.id;
END;
SQL
			;;
		postgres)
			cat <<'SQL'
CREATE FUNCTION gs_double() RETURNS trigger AS $$
BEGIN
  NEW.n := NEW.n * 2;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
SQL
			printf -- '-- +goose StatementEnd\n'
			printf -- 'CREATE TRIGGER gs_double BEFORE INSERT ON gs_items FOR EACH ROW EXECUTE FUNCTION gs_double();\n'
			printf -- '-- +goose StatementBegin\n'
			printf -- 'SELECT 1;\n'
			;;
		mysql)
			cat <<'SQL'
CREATE TRIGGER gs_double BEFORE INSERT ON gs_items FOR EACH ROW
BEGIN
  SET NEW.n = NEW.n * 2;
  SET NEW.n = NEW.n + 0;
END;
SQL
			;;
		esac
		printf -- '-- +goose StatementEnd\n'
		printf -- 'INSERT INTO gs_items VALUES (1, 21);\n\n'
		printf -- '-- +goose Down\n'
		printf -- 'DROP TABLE gs_items;\n'
		[ "$engine" = postgres ] && printf -- 'DROP FUNCTION gs_double();\n'
		true
	} >"$dir/20240102000000_gs_items.sql"
	# goose NO TRANSACTION and dbmate transaction:false: on PostgreSQL a
	# CREATE INDEX CONCURRENTLY, which fails inside a transaction
	local concurrently=""
	[ "$engine" = postgres ] && concurrently=" CONCURRENTLY"
	cat >"$dir/20240103000000_gs_index.sql" <<SQL
-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX$concurrently gs_items_n ON gs_items (n);
-- +goose Down
DROP INDEX$concurrently gs_items_n$([ "$engine" = mysql ] && echo " ON gs_items");
SQL
	cat >"$dir/20240104000000_dm_index.sql" <<SQL
-- migrate:up transaction:false
CREATE INDEX$concurrently dm_users_name ON dm_users (name);

-- migrate:down transaction:false
DROP INDEX$concurrently dm_users_name$([ "$engine" = mysql ] && echo " ON dm_users");
SQL
	# golang-migrate: one migration from two files
	printf 'CREATE TABLE gm_tags (id integer PRIMARY KEY, label varchar(20));\nINSERT INTO gm_tags VALUES (1, %s);\n' \
		"'x'" >"$dir/20240105000000_gm_tags.up.sql"
	printf 'DROP TABLE gm_tags;\n' >"$dir/20240105000000_gm_tags.down.sql"
	# an up without its down: applied, never rolled back
	printf 'CREATE TABLE gm_log (id integer);\n' >"$dir/20240106000000_gm_log.up.sql"
}

NAMES="20240101000000_dm_users 20240102000000_gs_items 20240103000000_gs_index 20240104000000_dm_index 20240105000000_gm_tags 20240106000000_gm_log"

# formats ENGINE URL
formats() {
	local engine=$1 url=$2 dir=$WORK/$1
	folder "$engine" "$dir"

	t "$engine: the folder applies as the tools read it"
	assert_exit 0 mig migrate -m "$dir" --database-url "$url"
	for n in $NAMES; do
		assert_contains "$OUT$ERR" " $n (" "migrate output (ran, or applied)"
	done
	assert_eq "dm_users gm_log gm_tags gs_items pgmigrations " "$(tables "$engine" "$url")" "tables after migrate"
	# the dbmate down section did not run; the goose body is one trigger
	assert_eq "1|ada" "$(q "$engine" "$url" "SELECT id, name FROM dm_users" | tr '\t' '|')" "dm_users"
	assert_eq "42" "$(q "$engine" "$url" "SELECT n FROM gs_items WHERE id = 1")" "the goose trigger ran once"
	q "$engine" "$url" "INSERT INTO gs_items VALUES (2, 5)"
	assert_eq "10" "$(q "$engine" "$url" "SELECT n FROM gs_items WHERE id = 2")" "the trigger fires on insert"
	assert_eq "x" "$(q "$engine" "$url" "SELECT label FROM gm_tags")" "gm_tags"
	assert_exit 0 mig status -m "$dir" --database-url "$url"
	assert_eq 6 "$(printf '%s\n' "$OUT" | grep -c '^2024010[1-6]000000_[a-z_]*  *[0-9]')" "status: six applied"
	assert_not_contains "$OUT" ".up" "status names"

	t "$engine: the index migrations ran outside a transaction"
	case $engine in
	postgres)
		assert_eq "gs_items_n" "$(q "$engine" "$url" "SELECT indexname FROM pg_indexes WHERE indexname = 'gs_items_n'")" "index"
		assert_eq "dm_users_name" "$(q "$engine" "$url" "SELECT indexname FROM pg_indexes WHERE indexname = 'dm_users_name'")" "index"
		;;
	sqlite) assert_eq "dm_users_name gs_items_n" "$(q "$engine" "$url" "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('gs_items_n', 'dm_users_name') ORDER BY name" | tr '\n' ' ' | sed 's/ $//')" "indexes" ;;
	mysql) assert_eq "dm_users_name gs_items_n" "$(q "$engine" "$url" "SELECT DISTINCT index_name FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name IN ('gs_items_n', 'dm_users_name') ORDER BY index_name" | tr '\n' ' ' | sed 's/ $//')" "indexes" ;;
	esac

	t "$engine: the up without a down file is not rolled back"
	assert_exit 1 mig rollback -m "$dir" --database-url "$url"
	assert_contains "$ERR" "User has disabled down migration on file: 20240106000000_gm_log" "rollback of gm_log"
	rm "$dir/20240106000000_gm_log.up.sql"
	q "$engine" "$url" "DELETE FROM pgmigrations WHERE name = '20240106000000_gm_log'"
	q "$engine" "$url" "DROP TABLE gm_log"

	t "$engine: everything rolls back, each down from its own section or file"
	assert_exit 0 mig rollback 0 -m "$dir" --database-url "$url"
	assert_contains "$OUT$ERR" " 20240105000000_gm_tags (" "rollback output"
	assert_contains "$OUT$ERR" " 20240101000000_dm_users (" "rollback output"
	assert_eq "pgmigrations " "$(tables "$engine" "$url")" "tables after rollback 0"

	t "$engine: and applies again"
	assert_exit 0 mig migrate -m "$dir" --database-url "$url"
	assert_eq "dm_users gm_tags gs_items pgmigrations " "$(tables "$engine" "$url")" "tables after migrate again"
	assert_exit 0 mig rollback 0 -m "$dir" --database-url "$url"

	t "$engine: a failing statement in a .down.sql file names that file and line"
	assert_exit 0 mig migrate -m "$dir" --database-url "$url"
	printf -- '-- first the tags\nDROP TABLE gm_nope;\n' >"$dir/20240105000000_gm_tags.down.sql"
	assert_exit 1 mig rollback -m "$dir" --database-url "$url"
	assert_contains "$ERR" "$dir/20240105000000_gm_tags.down.sql:2: migration 20240105000000_gm_tags failed" "error location"
	assert_eq "dm_users gm_tags gs_items pgmigrations " "$(tables "$engine" "$url")" "nothing rolled back"
}

formats sqlite "sqlite:$WORK/formats.db"

t "sqlite: sql shows each direction as the tool would run it"
assert_exit 0 mig sql -m "$WORK/sqlite" --dialect sqlite 20240102000000_gs_items --down
assert_eq "DROP TABLE gs_items;" "$OUT" "goose down"
assert_exit 0 mig sql -m "$WORK/sqlite" --dialect sqlite 20240101000000_dm_users
assert_eq "$(printf -- '-- migrate:up\nCREATE TABLE dm_users (id integer PRIMARY KEY, name varchar(50));\nINSERT INTO dm_users VALUES (1, %s);' "'ada'")" "$OUT" "dbmate up, no down, no stray ';'"
assert_exit 0 mig sql -m "$WORK/sqlite" --dialect sqlite 20240105000000_gm_tags --down
assert_eq "$(printf -- '-- first the tags\nDROP TABLE gm_nope;')" "$OUT" "golang-migrate down file"
assert_exit 0 mig sql --dialect sqlite "$WORK/sqlite/20240105000000_gm_tags.down.sql"
assert_eq "$(printf -- '-- first the tags\nDROP TABLE gm_nope;')" "$OUT" "a .down.sql file given by path: its down"
assert_exit 0 mig sql --dialect sqlite "$WORK/sqlite/20240105000000_gm_tags.up.sql"
assert_contains "$OUT" "CREATE TABLE gm_tags" "an .up.sql file given by path: its up"

t "markers of two tools in one file: refused with file:line, nothing applied"
mkdir -p "$WORK/mixed"
printf -- '-- migrate:up\nCREATE TABLE m1 (id integer);\n\n-- +goose Down\nDROP TABLE m1;\n' >"$WORK/mixed/1_mixed.sql"
assert_exit 2 mig migrate -m "$WORK/mixed" --database-url "sqlite:$WORK/mixed.db"
assert_contains "$ERR" "$WORK/mixed/1_mixed.sql:4:" "location"
assert_contains "$ERR" "a goose marker" "message"
assert_contains "$ERR" "line 1 makes dbmate's" "message"
[ ! -e "$WORK/mixed.db" ] || assert_eq "" "$(sqlite3 "$WORK/mixed.db" "SELECT name FROM sqlite_master WHERE name = 'm1'")" "m1"

t "a golang-migrate down file without its up: refused, naming it"
mkdir -p "$WORK/lonely"
printf 'DROP TABLE x;\n' >"$WORK/lonely/3_x.down.sql"
assert_exit 2 mig status -m "$WORK/lonely" --database-url "sqlite:$WORK/lonely.db"
assert_contains "$ERR" "3_x.down.sql is a golang-migrate down file without its up file 3_x.up.sql" "message"

t "a dbmate file without its down marker: refused as dbmate refuses it"
mkdir -p "$WORK/nodown"
printf -- '-- migrate:up\nCREATE TABLE n (id integer);\n' >"$WORK/nodown/1_n.sql"
assert_exit 2 mig migrate -m "$WORK/nodown" --database-url "sqlite:$WORK/nodown.db"
assert_contains "$ERR" "1_n.sql:1:" "location"
assert_contains "$ERR" "needs a \"-- migrate:down\" marker too" "message"

pg_require
pg_scratch_db
formats postgres "$PG_DB_URL"

my_require
my_scratch_db
formats mysql "$MY_DB_URL"
