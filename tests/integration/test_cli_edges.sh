# The rough edges a new user met (issue 13), each held here:
# - an SQLite failure names the failing statement's line and shows it with a
#   caret, wherever comments stand before it (PostgreSQL's lines the same);
# - status (and a dry run) on an SQLite path no run could create fails as
#   migrate does, and creates nothing;
# - create --migration-filename-format index never writes a file the tool
#   then refuses;
# - auth recognises its migration in either language, and --force replaces
#   it under the same name instead of adding a second one;
# - templates end with a newline; a dry run of .sql files shows no stray ';'.
. "$(dirname "$0")/lib.sh"

unset DATABASE_URL

# line_of ERR: the N of the first "<file>:N:" in a message
line_of() { printf '%s\n' "$1" | sed -n 's/^migrations: [^ ]*\.sql:\([0-9]*\):.*/\1/p' | head -1; }

# caret_under ERR TEXT: the caret line stands under TEXT in the statement line
caret_under() {
	local stmt caret want
	stmt=$(printf '%s\n' "$1" | grep '^  statement: ' | head -1)
	caret=$(printf '%s\n' "$1" | grep -A1 '^  statement: ' | sed -n 2p)
	[[ "$caret" =~ ^\ *\^$ ]] || fail "no caret line under the statement: [$1]"
	want=${stmt%%"$2"*}
	assert_eq "${#want}" "$((${#caret} - 1))" "caret column (under '$2')"
}

# Each case: the file's text, the line that fails, the text the caret
# stands under.
CASES=(
	$'-- Up Migration\nCREATE TABLE oops (x INTEGR,, y);\n'
	$'-- a header\n\n-- Up Migration\n-- a comment\n/* a block\n   comment */\nCREATE TABLE ok1 (x integer);\n-- why\n\nCREATE TABLE oops (x INTEGR,, y);\n'
	$'-- no markers, a comment first\n\nCREATE TABLE oops (x INTEGR,, y);\n'
	$'-- Up Migration\nCREATE TABLE ok1 (x integer); -- trailing\n  -- indented comment\n  CREATE TABLE oops (x INTEGR,, y);\n'
)
LINES=(2 10 3 4)

# errors URL: every case fails at its line, with the caret under the ",,"
errors() {
	local url=$1 engine=$2 i
	for i in "${!CASES[@]}"; do
		rm -rf "$WORK/e$i"
		mkdir -p "$WORK/e$i"
		printf '%s' "${CASES[$i]}" >"$WORK/e$i/1700000000009_syntax.sql"
		assert_exit 1 mig migrate -m "$WORK/e$i" --database-url "$url"
		assert_eq "${LINES[$i]}" "$(line_of "$ERR")" "$engine case $i: the failing line"
		assert_contains "$ERR" "  statement: CREATE TABLE oops (x INTEGR,, y)" "$engine case $i"
		assert_not_contains "$ERR" "statement: --" "$engine case $i"
		caret_under "$ERR" ", y)"
	done
	# a failing down section: its own line
	rm -rf "$WORK/d"
	mkdir -p "$WORK/d"
	printf -- '-- Up Migration\nCREATE TABLE d1 (x integer);\n\n-- Down Migration\n-- first the index\n\nDROP TABLE d1,, d2;\n' \
		>"$WORK/d/1700000000010_down.sql"
	assert_exit 0 mig migrate -m "$WORK/d" --database-url "$url"
	assert_exit 1 mig rollback -m "$WORK/d" --database-url "$url"
	assert_eq 7 "$(line_of "$ERR")" "$engine: the failing down line"
	assert_contains "$ERR" "  statement: DROP TABLE d1,, d2" "$engine down"
}

t "sqlite: the failing statement's line and caret, comments or not"
errors "sqlite:$WORK/errors.db" sqlite

t "sqlite: an unterminated quote: the engine's message without the appended ';', and a caret"
rm -rf "$WORK/uq"
mkdir -p "$WORK/uq"
printf -- '-- Up Migration\n-- c\nCREATE TABLE t (a int);\nSELECT "abc;\n' >"$WORK/uq/1_a.sql"
assert_exit 1 mig migrate -m "$WORK/uq" --database-url "sqlite:$WORK/uq.db"
assert_contains "$ERR" "1_a.sql:4: migration 1_a failed: unrecognized token: \"\"abc;\""
caret_under "$ERR" '"abc'

t "sqlite: status on a path no run could create fails as migrate does"
mkdir -p migrations
table_migration 1
for url in "sqlite:$WORK/no-such-dir/x.db" "sqlite:$WORK/migrations/1700000000001_t1.sql/x.db"; do
	assert_exit 1 mig migrate --database-url "$url"
	want=$ERR
	assert_contains "$want" "cannot open SQLite database" "migrate"
	assert_exit 1 mig status --database-url "$url"
	assert_eq "$want" "$ERR" "status says what migrate says"
	assert_not_contains "$OUT" "pending" "status"
	assert_exit 1 mig migrate --dry-run --database-url "$url"
	assert_contains "$ERR" "cannot open SQLite database" "dry run"
done
[ ! -e "$WORK/no-such-dir" ] || fail "status created $WORK/no-such-dir"
# a file that is not there yet, in a folder that is: all pending, and still no file
assert_exit 0 mig status --database-url "sqlite:$WORK/later.db"
assert_contains "$OUT" "1700000000001_t1  pending"
[ ! -e "$WORK/later.db" ] || fail "status created later.db"

t "sqlite: status in a folder this user cannot write fails as migrate does"
# as root (who may write anywhere) the runs are nobody's, with a copy of
# the binary that nobody can reach
rm -rf "$WORK/perm"
mkdir -p "$WORK/perm/ro/migrations" "$WORK/perm/bin"
cp migrations/1700000000001_t1.sql "$WORK/perm/ro/migrations/"
cp "$MIG_BIN" "$WORK/perm/bin/migrations"
chmod 755 "$WORK" "$WORK/perm" "$WORK/perm/bin"
chmod 555 "$WORK/perm/ro"
as_user() {
	if [ "$(id -u)" = 0 ]; then
		(cd "$WORK/perm/ro" && setpriv --reuid=nobody --regid=nogroup --clear-groups "$WORK/perm/bin/migrations" "$@")
	else
		(cd "$WORK/perm/ro" && "$WORK/perm/bin/migrations" "$@")
	fi
}
assert_exit 1 as_user migrate --database-url sqlite:x.db
assert_contains "$ERR" "cannot open SQLite database x.db: unable to open database file" "migrate"
assert_exit 1 as_user status --database-url sqlite:x.db
assert_contains "$ERR" "cannot open SQLite database x.db: unable to open database file" "status"
assert_not_contains "$OUT" "pending" "status"
chmod 755 "$WORK/perm/ro"

t "create: index after a UTC prefix continues its digits"
rm -rf cr
assert_exit 0 mig create -m cr first --migration-filename-format utc -j sql
utc=$(ls cr)
[[ "$utc" =~ ^[0-9]{17}_first\.sql$ ]] || fail "unexpected file name $utc"
assert_exit 0 mig create -m cr second --migration-filename-format index -j sql
second=$(ls cr | grep second)
assert_eq "$(printf '%017d' "$((10#${utc:0:17} + 1))")_second.sql" "$second" "the next index"
assert_exit 0 mig status -m cr --database-url "sqlite:$WORK/cr.db"
assert_contains "$OUT" "${second%.sql}  pending"
# after a 13-digit millisecond prefix, and after small indexes
rm -rf cr2
mkdir cr2
: >cr2/0007_a.sql
: >cr2/0009_b.sql
assert_exit 0 mig create -m cr2 c --migration-filename-format index -j sql
assert_eq "0007_a.sql 0009_b.sql 0010_c.sql" "$(ls cr2 | tr '\n' ' ' | sed 's/ $//')" "index after 0009"
: >cr2/1796158425119_d.sql
assert_exit 0 mig create -m cr2 e --migration-filename-format index -j sql
assert_contains "$(ls cr2)" "1796158425120_e.sql"
# no index would be a UTC time: refused, nothing written
rm -rf cr3
mkdir cr3
: >cr3/20241231235959999_last.sql
assert_exit 2 mig create -m cr3 next --migration-filename-format index -j sql
assert_contains "$ERR" "cannot choose the next index after 20241231235959999_last.sql"
assert_contains "$ERR" "--migration-filename-format utc"
assert_eq "20241231235959999_last.sql" "$(ls cr3)" "nothing written"

t "create: every template ends with a newline"
rm -rf tpl
for lang in sql ts js cjs; do
	assert_exit 0 mig create -m tpl "t-$lang" -j "$lang"
	f=$(ls tpl/*_t-"$lang"."$lang")
	assert_eq "0a" "$(tail -c1 "$f" | od -An -tx1 | tr -d ' ')" "$lang template's last byte"
done

t "a dry run of .sql files shows no stray ';'"
rm -rf dry
mkdir dry
printf -- '-- Up Migration\nCREATE TABLE a (x integer);\n\n-- Down Migration\nDROP TABLE a;\n' >dry/1700000000001_a.sql
cp tpl/*_t-sql.sql dry/1700000000002_empty.sql
assert_exit 0 mig migrate --dry-run -m dry --database-url "sqlite:$WORK/dry.db"
assert_contains "$OUT" "CREATE TABLE a (x integer);"
assert_eq 0 "$(printf '%s\n' "$OUT" | grep -c '^;$')" "lines of a lone ';'"
assert_exit 0 mig migrate -m dry --database-url "sqlite:$WORK/dry.db"
assert_exit 0 mig rollback 0 -m dry --database-url "sqlite:$WORK/dry.db"

t "auth: the same migration in either language, --force replaces it"
rm -rf au
assert_exit 0 mig auth -m au
js=$(ls au)
assert_exit 0 mig auth -m au -j ts
assert_contains "$OUT" "The auth migration is already there -- au/$js"
assert_exit 0 mig auth -m au -j ts --force
assert_eq "${js%.js}.ts" "$(ls au)" "replaced by the .ts, same prefix"
assert_exit 0 mig auth -m au
assert_contains "$OUT" "already there -- au/${js%.js}.ts"
assert_exit 0 mig migrate -m au --database-url "sqlite:$WORK/auth.db"
printf '// edited\n' >>"au/${js%.js}.ts"
assert_exit 1 mig auth -m au
assert_contains "$ERR" "it differs from this version's; --force replaces it"
assert_exit 0 mig auth -m au --force
assert_eq "$js" "$(ls au)" "one auth migration, back in .js under the same name"
assert_exit 0 mig status -m au --database-url "sqlite:$WORK/auth.db"
assert_eq "1 applied, 0 pending" "$(printf '%s\n' "$ERR" | tail -1)" "status: the one auth migration"

pg_require
pg_scratch_db

t "postgres: the same lines and carets as SQLite"
errors "$PG_DB_URL" postgres

t "postgres: ssl=true is libpq's sslmode=require (docs/postgresql.md), other ssl= values are refused"
mkdir -p "$WORK/none"
# the test server has no SSL: require fails at connect, a run-time failure
assert_exit 1 mig status -m "$WORK/none" --database-url "$PG_DB_URL?ssl=true"
assert_contains "$ERR" "server does not support SSL, but SSL was required"
for v in false 1; do
	assert_exit 2 mig status -m "$WORK/none" --database-url "$PG_DB_URL?ssl=$v"
	assert_contains "$ERR" 'invalid URI query parameter: "ssl"'
done
assert_exit 2 mig status -m "$WORK/none" --database-url "$PG_DB_URL?sslmode=sometimes"
assert_contains "$ERR" 'invalid sslmode value: "sometimes"'
