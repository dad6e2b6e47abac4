# Round trips and batched migrations (docs/benchmarks.md): on PostgreSQL
# a migration in a transaction goes to the server with its bookkeeping
# INSERT as one round trip; on MariaDB a step's statements travel in one
# round trip, each with the journal write before it. The count --verbose prints (the driver's) must
# not grow back, and a statement failing inside a batch must still be
# named exactly (statement, file:line) with nothing half-applied.
# Needs MIG_TEST_PG_URL and MIG_TEST_MYSQL_URL (tests/ci/*-up.sh).
. "$(dirname "$0")/lib.sh"

pg_require
my_require
unset DATABASE_URL PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE PGOPTIONS PGSSLMODE

# sql_set DIR N DIALECT: N .sql migrations of three statements each.
sql_set() {
	rm -rf "$1"
	mkdir -p "$1"
	local i key=SERIAL
	[ "$3" = mysql ] && key="INT AUTO_INCREMENT"
	for ((i = 1; i <= $2; i++)); do
		printf -- '-- Up Migration\nCREATE TABLE rt%s (id %s PRIMARY KEY, name VARCHAR(100) NOT NULL);\nCREATE INDEX rt%s_name ON rt%s (name);\nINSERT INTO rt%s (name) VALUES (%s);\n\n-- Down Migration\nDROP TABLE rt%s;\n' \
			"$i" "$key" "$i" "$i" "$i" "'row $i'" "$i" >"$1/$((1700000000000 + i))_rt$i.sql"
	done
}

# trips: the count from the last run's --verbose output.
trips() {
	local n
	n=$(printf '%s\n' "$ERR" | sed -n 's/^\([0-9][0-9]*\) round trip(s) to the server so far in this run$/\1/p' | tail -1)
	[ -n "$n" ] || fail "no round-trip count in the --verbose output"
	printf '%s\n' "$n"
}

# per_migration pg|my js|sql: PER = round trips per migration, from a
# run of 3 and one of 11 migrations on fresh databases (what every run
# sends once cancels out).
per_migration() {
	local engine=$1 kind=$2 a b
	for n in 3 11; do
		if [ "$engine" = pg ]; then
			pg_scratch_db DB
			url=$DB_URL
		else
			my_scratch_db DB
			url=$DB_URL
		fi
		if [ "$kind" = js ]; then js_chain "set$n" "$n" rt; else sql_set "set$n" "$n" "$([ "$engine" = pg ] && echo postgres || echo mysql)"; fi
		assert_exit 0 mig -v -m "set$n" --database-url "$url" migrate
		if [ "$n" = 3 ]; then a=$(trips); else b=$(trips); fi
	done
	PER=$(((b - a) / 8))
	[ $(((b - a) % 8)) = 0 ] || fail "round trips do not grow by a whole number per migration: $a for 3, $b for 11"
}

# nothing_left DB: only the tool's tables, and no journal row (MariaDB)
nothing_left() {
	assert_eq "pgmigrations
pgmigrations_journal" "$(myq "$1" "SHOW TABLES")" "tables left behind"
	assert_eq "" "$(myq "$1" "SELECT name FROM pgmigrations_journal")" "journal rows"
}

pg_applied() {
	pgq "$1" "SELECT coalesce(string_agg(name, ',' ORDER BY run_on, id), '') FROM public.pgmigrations"
}
pg_tables() {
	pgq "$1" "SELECT coalesce(string_agg(table_name::text, ',' ORDER BY table_name), '') FROM information_schema.tables WHERE table_schema = 'public'"
}

t "PostgreSQL: one round trip per migration in a transaction (JS and .sql)"
per_migration pg js
assert_eq 1 "$PER" "round trips per JS migration (three operations)"
per_migration pg sql
assert_eq 1 "$PER" "round trips per .sql migration (three statements)"

t "PostgreSQL: --no-single-transaction adds only its BEGIN and COMMIT"
pg_scratch_db DB
js_chain set3 3 rt
assert_exit 0 mig -v -m set3 --no-single-transaction --database-url "$DB_URL" migrate
a=$(trips)
pg_scratch_db DB
js_chain set11 11 rt
assert_exit 0 mig -v -m set11 --no-single-transaction --database-url "$DB_URL" migrate
assert_eq 3 $((($(trips) - a) / 8)) "round trips per migration with a transaction each"

t "PostgreSQL: a statement failing inside a batched JS migration is named, with its call's line; nothing applied"
pg_scratch_db DB
js_chain m 2 rt
cat >m/1700000000003_rt3.js <<'EOF'
exports.up = (pgm) => {
  pgm.createTable('rt3', { id: 'id', name: { type: 'text' } });
  pgm.sql("INSERT INTO rt3 (name) VALUES ('a')");
    pgm.createIndex('rt3', 'nope');
  pgm.sql("INSERT INTO rt3 (name) VALUES ('b')");
};
EOF
assert_exit 1 mig -m m --database-url "$DB_URL" migrate
assert_contains "$ERR" 'm/1700000000003_rt3.js:4:5: migration 1700000000003_rt3 failed: column "nope" does not exist'
assert_eq '  statement: CREATE INDEX "rt3_nope_index" ON "rt3" ("nope");' "$(printf '%s\n' "$ERR" | grep -m1 '^  statement: ')"
assert_contains "$ERR" "rolled back: nothing from this run was applied"
assert_eq "" "$(pg_applied "$DB_URL")" "recorded"
assert_eq "pgmigrations" "$(pg_tables "$DB_URL")" "tables left behind"

t "PostgreSQL: in a .sql migration the failing statement keeps its line and caret (a last statement without ';', ending in a comment)"
pg_scratch_db DB
sql_set m 1 postgres
printf -- '-- Up Migration\nCREATE TABLE rt2 (id integer PRIMARY KEY);\nINSERT INTO rt2 VALUES (1);\n\nINSERT INTO rt2 VALUES (2, 3);\nINSERT INTO rt2 VALUES (4) -- no semicolon\n-- Down Migration\nDROP TABLE rt2;\n' >m/1700000000002_rt2.sql
printf -- '-- Up Migration\nCREATE TABLE rt3 (id integer PRIMARY KEY);\nSELECT 1 -- the last one\n' >m/1700000000003_rt3.sql
assert_exit 1 mig -m m --database-url "$DB_URL" migrate
assert_contains "$ERR" "m/1700000000002_rt2.sql:5: migration 1700000000002_rt2 failed: INSERT has more expressions than target columns"
stmt_line=$(printf '%s\n' "$ERR" | grep -m1 '^  statement: ')
assert_eq "  statement: INSERT INTO rt2 VALUES (2, 3);" "$stmt_line"
caret_line=$(printf '%s\n' "$ERR" | grep -A1 -m1 '^  statement: ' | sed -n 2p)
want=${stmt_line%%3);*}
assert_eq "${#want}" "$((${#caret_line} - 1))" "caret column"
assert_eq "" "$(pg_applied "$DB_URL")" "recorded"
assert_eq "pgmigrations" "$(pg_tables "$DB_URL")" "tables left behind"
# the same set without the error: both files' last statements run
printf -- '-- Up Migration\nCREATE TABLE rt2 (id integer PRIMARY KEY);\nINSERT INTO rt2 VALUES (1);\n\nINSERT INTO rt2 VALUES (2);\nINSERT INTO rt2 VALUES (4) -- no semicolon\n-- Down Migration\nDROP TABLE rt2;\n' >m/1700000000002_rt2.sql
assert_exit 0 mig -m m --database-url "$DB_URL" migrate
assert_eq "1,2,4" "$(pgq "$DB_URL" "SELECT string_agg(id::text, ',' ORDER BY id) FROM rt2")" "rows of rt2"
assert_eq "1700000000001_rt1,1700000000002_rt2,1700000000003_rt3" "$(pg_applied "$DB_URL")" "recorded"

t "PostgreSQL: the bookkeeping INSERT failing inside the batch: named as the record, the migration's statements rolled back"
pg_scratch_db DB
js_chain m 3 rt
assert_exit 0 mig -m m --database-url "$DB_URL" migrate 1
pgq "$DB_URL" "CREATE FUNCTION no_rt3() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN IF NEW.name LIKE '%_rt3' THEN RAISE EXCEPTION 'no rt3 here'; END IF; RETURN NEW; END \$\$; CREATE TRIGGER no_rt3 BEFORE INSERT ON pgmigrations FOR EACH ROW EXECUTE FUNCTION no_rt3()" >/dev/null
assert_exit 1 mig -m m --database-url "$DB_URL" migrate
assert_contains "$ERR" "migration 1700000000003_rt3: cannot record it in the migrations table: no rt3 here"
assert_contains "$ERR" '  statement: INSERT INTO "public"."pgmigrations" (name, run_on) VALUES ('"'"'1700000000003_rt3'"'"', NOW());'
assert_contains "$ERR" "rolled back"
assert_eq "1700000000001_rt1" "$(pg_applied "$DB_URL")" "recorded"
assert_eq "pgmigrations,rt1" "$(pg_tables "$DB_URL")" "tables left behind"

t "MariaDB: a .sql migration of three statements costs one round trip (each statement after the journal's count before it, the record after the last)"
per_migration my sql
assert_eq 1 "$PER" "round trips per .sql migration (three statements, DDL outside a transaction)"

t "MariaDB: a JS migration of three operations costs one round trip too (the tables it references were followed, not read again, so its steps wait for the last)"
per_migration my js
assert_eq 1 "$PER" "round trips per JS migration (three operations, DDL outside a transaction)"

t "MariaDB: warnings are asked for (a SHOW WARNINGS after each statement a text goes on after) only where something shows them: with --verbose"
# sent_texts ARGS...: every text the run sends, as strace prints them
sent_texts() {
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
		strace -f -qq -s 65536 -e trace=sendto,write -e signal=none -o "$WORK/.sent" "$MIG_BIN" "$@" >/dev/null 2>"$WORK/.sent_err" ||
		fail "$* under strace failed: $(cat "$WORK/.sent_err")"
}
sql_set w 2 mysql
my_scratch_db DB
sent_texts -m w --database-url "$DB_URL" migrate
assert_eq 0 "$(grep -o 'SHOW WARNINGS' "$WORK/.sent" | wc -l)" "SHOW WARNINGS sent without --verbose"
assert_eq 2 "$(myq "$DB" "SELECT count(*) FROM pgmigrations")" "applied"
my_scratch_db DB
printf -- '-- Up Migration\nDROP TABLE IF EXISTS nothing_here;\nCREATE TABLE rtw (id int);\n' >w/1700000000003_rtw.sql
sent_texts -v -m w --database-url "$DB_URL" migrate
# 3 + 3 for the two 3-statement migrations, 2 for the last: each statement but a text's last
assert_eq 8 "$(grep -o 'SHOW WARNINGS' "$WORK/.sent" | wc -l)" "SHOW WARNINGS sent with --verbose"
assert_contains "$(cat "$WORK/.sent_err")" "Note 1051: Unknown table '$DB.nothing_here'"

t "MariaDB: a JS migration failing at an operation whose step waited for the last one is named with that operation's line, and undone by inverses"
my_scratch_db DB
rm -rf m
mkdir m
cat >m/1700000000001_rt1.js <<'JS'
exports.up = (pgm) => {
  pgm.createTable('rt1', { id: 'id' });
  pgm.createTable('rt2', { id: 'id' });
  pgm.sql('INSERT INTO nowhere VALUES (1)');
  pgm.createTable('rt3', { id: 'id' });
};
JS
assert_exit 1 mig -m m --database-url "$DB_URL" migrate
assert_contains "$ERR" "m/1700000000001_rt1.js:4:3: migration 1700000000001_rt1 failed: ERROR 1146 (42S02): Table '$DB.nowhere' doesn't exist"
assert_eq "  statement: INSERT INTO nowhere VALUES (1)" "$(printf '%s\n' "$ERR" | grep -m1 '^  statement: ')"
assert_contains "$ERR" "failed at its operation 3: the 2 operation(s) before it were undone by their inverses (2 statement(s))"
assert_contains "$ERR" "it is pending again"
nothing_left "$DB"

t "MariaDB: the waiting steps go before the catalog reads a table; one failing there is named as its own"
my_scratch_db DB
myq "$DB" "CREATE TABLE rt_old (id INT PRIMARY KEY)"
rm -rf m
mkdir m
cat >m/1700000000001_rt1.js <<'JS'
exports.up = (pgm) => {
  pgm.createTable('rt1', { id: 'id' });
  pgm.addColumns('rt_old', { x: 'integer' });
};
JS
cat >m/1700000000002_rt2.js <<'JS'
exports.up = (pgm) => {
  pgm.sql('INSERT INTO nowhere VALUES (1)');
  pgm.addColumns('rt_old', { y: 'integer' });
};
JS
assert_exit 1 mig -m m --database-url "$DB_URL" migrate
assert_eq "id x" "$(myq "$DB" "SELECT column_name FROM information_schema.columns WHERE table_schema = '$DB' AND table_name = 'rt_old' ORDER BY ordinal_position" | tr '\n' ' ' | sed 's/ $//')" "rt_old's columns"
assert_contains "$ERR" "m/1700000000002_rt2.js:2:3: migration 1700000000002_rt2 failed: ERROR 1146 (42S02): Table '$DB.nowhere' doesn't exist"
assert_contains "$ERR" "the 0 statement(s) before the failing one (statement 1) stay applied"
assert_contains "$ERR" "as nothing of it stayed applied, it is pending again"
assert_eq "1700000000001_rt1" "$(myq "$DB" "SELECT name FROM pgmigrations")" "recorded"
assert_eq "" "$(myq "$DB" "SELECT name FROM pgmigrations_journal")" "journal rows"

t "MariaDB: a journal count that fails stops the migration before its next operation's statement, which waited with it"
my_scratch_db DB
myq "$DB" "CREATE TABLE pgmigrations_journal (name varchar(255) NOT NULL PRIMARY KEY, direction varchar(4) NOT NULL, state varchar(16) NOT NULL, statements_done integer NOT NULL, started_at bigint NOT NULL, owner varchar(255) NOT NULL, error text, CONSTRAINT no_two CHECK (statements_done < 2 OR state <> 'running'))"
js_chain m 1 rt
assert_exit 1 mig -m m --database-url "$DB_URL" migrate
assert_contains "$ERR" "CONSTRAINT \`no_two\` failed"
assert_contains "$ERR" "failed at its operation 3: the 2 operation(s) before it were undone by their inverses"
nothing_left "$DB"

t "MariaDB: the record completes a journal row; the run deletes complete rows at its end, a redo replaces its own"
my_scratch_db DB
sql_set m 3 mysql
assert_exit 0 mig -m m --database-url "$DB_URL" migrate 2
assert_eq 0 "$(myq "$DB" "SELECT count(*) FROM pgmigrations_journal")" "journal rows after a clean run"
# what a run killed after its records but before its end leaves: rows
# the migrations table agrees with (an up recorded, a down not recorded)
myq "$DB" "INSERT INTO pgmigrations_journal (name, direction, state, statements_done, started_at, owner) VALUES ('1700000000001_rt1', 'up', 'running', 2, 1700000000, 'gone:1:1'), ('1700000000003_rt3', 'down', 'running', 3, 1700000000, 'gone:1:1')"
assert_exit 0 mig -m m --database-url "$DB_URL" status
assert_not_contains "$OUT" "INTERRUPTED"
assert_not_contains "$OUT" "FAILED"
assert_exit 0 mig -v -m m --database-url "$DB_URL" redo
assert_contains "$ERR$OUT" "ON DUPLICATE KEY UPDATE"
assert_eq 0 "$(myq "$DB" "SELECT count(*) FROM pgmigrations_journal")" "journal rows after the redo (its own and the two left before)"
assert_exit 0 mig -m m --database-url "$DB_URL" migrate
assert_eq "1700000000001_rt1 1700000000002_rt2 1700000000003_rt3" "$(myq "$DB" "SELECT name FROM pgmigrations ORDER BY id" | tr '\n' ' ' | sed 's/ $//')" "recorded"
# a running row the migrations table does not agree with still stops a run
myq "$DB" "INSERT INTO pgmigrations_journal (name, direction, state, statements_done, started_at, owner) VALUES ('1700000000003_rt3', 'down', 'running', 0, 1700000000, 'gone:1:1')"
assert_exit 1 mig -m m --database-url "$DB_URL" migrate
assert_contains "$ERR" "migration 1700000000003_rt3 was interrupted (rolling it back"

t "MariaDB: a statement failing half-way through a migration is named with its line; the journal counts exactly the one that ran"
my_scratch_db DB
rm -rf m
mkdir m
printf -- '-- Up Migration\nCREATE TABLE rt1 (id INT PRIMARY KEY);\n\nCREATE INDEX rt1_nope ON rt1 (nope);\nINSERT INTO rt1 VALUES (1);\n-- Down Migration\nDROP TABLE rt1;\n' >m/1700000000001_rt1.sql
assert_exit 1 mig -m m --database-url "$DB_URL" migrate
assert_contains "$ERR" "m/1700000000001_rt1.sql:4: migration 1700000000001_rt1 failed: ERROR 1072 (42000): Key column 'nope' doesn't exist in table"
assert_eq "  statement: CREATE INDEX rt1_nope ON rt1 (nope)" "$(printf '%s\n' "$ERR" | grep -m1 '^  statement: ')"
assert_contains "$ERR" "the 1 statement(s) before the failing one (statement 2) stay applied, and it is not recorded"
assert_eq "1700000000001_rt1	failed	1" "$(myq "$DB" "SELECT name, state, statements_done FROM pgmigrations_journal")" "journal row"
assert_eq "" "$(myq "$DB" "SELECT name FROM pgmigrations")" "recorded"
assert_eq "0" "$(myq "$DB" "SELECT count(*) FROM rt1")" "rows of rt1 (the INSERT after the failure never ran)"
assert_exit 0 mig -m m --database-url "$DB_URL" status
assert_contains "$OUT" "1700000000001_rt1  FAILED while applying: 1 statement(s) ran"

t "MariaDB: a JS migration failing at its second operation is undone by inverses: nothing half-applied, pending again"
my_scratch_db DB
rm -rf m
mkdir m
cat >m/1700000000001_rt1.js <<'JS'
exports.up = (pgm) => {
  pgm.createTable('rt1', { id: 'id', name: { type: 'text' } });
  pgm.createIndex('rt1', 'nope');
};
JS
assert_exit 1 mig -m m --database-url "$DB_URL" migrate
assert_contains "$ERR" "m/1700000000001_rt1.js:3:3: migration 1700000000001_rt1 failed: ERROR 1072 (42000): Key column 'nope' doesn't exist in table"
assert_eq '  statement: CREATE INDEX `rt1_nope_index` ON `rt1` (`nope`);' "$(printf '%s\n' "$ERR" | grep -m1 '^  statement: ')"
assert_contains "$ERR" "undone by their inverses"
assert_contains "$ERR" "it is pending again"
nothing_left "$DB"

t "MariaDB: the record failing after every statement ran: named as the record, the journal keeps the full count"
my_scratch_db DB
sql_set m 2 mysql
assert_exit 0 mig -m m --database-url "$DB_URL" migrate 1
myq "$DB" "ALTER TABLE pgmigrations ADD CONSTRAINT no_rt2 CHECK (name NOT LIKE '%_rt2')"
assert_exit 1 mig -m m --database-url "$DB_URL" migrate
assert_contains "$ERR" "migration 1700000000002_rt2: cannot record it in the migrations table: ERROR 4025 (23000): CONSTRAINT \`no_rt2\` failed"
assert_contains "$ERR" "all 3 of its statement(s) ran and stay applied, but it is not recorded"
assert_eq "1700000000002_rt2	failed	3" "$(myq "$DB" "SELECT name, state, statements_done FROM pgmigrations_journal")" "journal row"
assert_eq "1700000000001_rt1" "$(myq "$DB" "SELECT name FROM pgmigrations")" "recorded"

t "MariaDB: the last statement's warnings are still shown though the record goes in the same text"
my_scratch_db DB
rm -rf m
mkdir m
printf -- '-- Up Migration\nCREATE TABLE rtw (id INT PRIMARY KEY);\nDROP TABLE IF EXISTS rtw_never;\n-- Down Migration\nDROP TABLE rtw;\n' >m/1700000000001_rtw.sql
assert_exit 0 mig -v -m m --database-url "$DB_URL" migrate
assert_contains "$ERR$OUT" "Note 1051: Unknown table '"
assert_contains "$ERR$OUT" "rtw_never'"
assert_eq "1700000000001_rtw" "$(myq "$DB" "SELECT name FROM pgmigrations")" "recorded"
assert_eq "" "$(myq "$DB" "SELECT name FROM pgmigrations_journal")" "journal rows"

t "MariaDB: every statement's warnings are shown though the journal's counts follow them in the same text, also when a later one fails"
my_scratch_db DB
rm -rf m
mkdir m
printf -- '-- Up Migration\nDROP TABLE IF EXISTS rtw_never1;\nCREATE TABLE rtw (id INT PRIMARY KEY);\nDROP TABLE IF EXISTS rtw_never2;\nINSERT INTO rtw VALUES (1);\n-- Down Migration\nDROP TABLE rtw;\n' >m/1700000000001_rtw.sql
printf -- '-- Up Migration\nDROP TABLE IF EXISTS rtw_never3;\nINSERT INTO rtw VALUES (1);\nINSERT INTO rtw VALUES (2);\n-- Down Migration\nDELETE FROM rtw;\n' >m/1700000000002_rtw2.sql
assert_exit 1 mig -v -m m --database-url "$DB_URL" migrate
for w in rtw_never1 rtw_never2 rtw_never3; do assert_contains "$ERR$OUT" "Note 1051: Unknown table '$DB.$w'"; done
assert_contains "$ERR" "m/1700000000002_rtw2.sql:3: migration 1700000000002_rtw2 failed: ERROR 1062 (23000): Duplicate entry '1'"
assert_contains "$ERR" "the 1 statement(s) before the failing one (statement 2) stay applied, and it is not recorded"
assert_eq "1700000000002_rtw2	failed	1" "$(myq "$DB" "SELECT name, state, statements_done FROM pgmigrations_journal")" "journal row"
assert_eq "1700000000001_rtw" "$(myq "$DB" "SELECT name FROM pgmigrations")" "recorded"
assert_eq "1" "$(myq "$DB" "SELECT group_concat(id) FROM rtw")" "rows of rtw (the INSERT after the failure never ran)"
