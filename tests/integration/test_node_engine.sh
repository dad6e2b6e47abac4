# The Node.js engine (--js-engine, --node): JS/TS files the static reader
# refuses are evaluated by Node.js with the embedded recording
# MigrationBuilder, on SQLite and PostgreSQL.
#  - a folder (tests/fixtures/node_engine/migrations) with a file that
#    requires an npm-free helper outside the folder and exports shorthands
#    a later static file uses, an async up, ESM (.mjs, `down = false`),
#    module.exports with a callback-style up, and a file whose up reads
#    with pgm.db.select the rows a .sql migration inserted earlier in the
#    same run and creates one table per row (a quote in a parameter stays
#    data);
#  - --js-engine static: today's refusal plus the hint; no Node.js: the
#    same; --js-engine node on a static file: the same SQL;
#  - failures: an up that throws after a pgm.db query (the run rolls
#    back, file:line:col), a syntax error, a missing package, an up that
#    throws while it is read, a file that never finishes (--node-timeout),
#    a dry run of a pgm.db file, a .ts file (Node.js >= 22.6); on SQLite
#    a pgm.db file whose operation rebuilds a table referenced with
#    ON DELETE CASCADE (the rebuild's foreign-key relaxation is chosen
#    before the file's turn);
#  - PostgreSQL: the SQL of each dynamic file equals node-pg-migrate
#    9.0.0's dry run, and after `migrate` both tools leave the same
#    pgmigrations and the same pg_dump --schema-only.
# Needs Node.js >= 18 (in CI a missing one is a failure), MIG_TEST_PG_URL
# and the oracle (npm) for the PostgreSQL part.
. "$(dirname "$0")/lib.sh"

unset DATABASE_URL PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE PGOPTIONS
FIX=$MIG_SOURCE_DIR/tests/fixtures/node_engine
NODE=$(command -v node) || skip_or_fail "Node.js is needed by the Node.js engine tests"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' ||
	skip_or_fail "the Node.js engine needs Node.js >= 18 (have $(node --version))"
cp -R "$FIX/migrations" "$FIX/lib" "$FIX/throwing" "$FIX/broken" "$FIX/rebuild" "$FIX/envcheck" "$WORK/"
DB="sqlite:$WORK/app.db"
sq() { sqlite3 "$WORK/app.db" "$1"; }
tables() { sq "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name)"; }

t "--js-engine static refuses the dynamic file, with the hint, and changes nothing"
assert_exit 2 mig -d "$DB" --js-engine static migrate
assert_contains "$ERR" "migrations/1700000000001_things.js:1:"
assert_contains "$ERR" "hint: --js-engine static"
assert_contains "$ERR" "--node PATH"
assert_eq "" "$(tables)" "tables after the refusal"

t "without Node.js (--node names no program): the refusal names --node"
assert_exit 2 mig -d "$DB" --node "$WORK/no-such-node" migrate
assert_contains "$ERR" "1700000000001_things.js:1:"
assert_contains "$ERR" "--node program cannot be run"
assert_eq "" "$(tables)"
assert_exit 2 env PATH=/nonexistent "$MIG_BIN" -d "$DB" migrate
assert_contains "$ERR" "install Node.js >= 18 on PATH or give --node PATH"

t "the static file reads the same through --js-engine node"
mig sql migrations/1700000000006_static.js >"$WORK/static.sql" 2>&1 || fail "sql of the static file: $(cat "$WORK/static.sql")"
assert_exit 0 mig --js-engine node sql migrations/1700000000006_static.js
assert_eq "$(cat "$WORK/static.sql")" "$OUT" "SQL of the static file through Node.js"
assert_contains "$OUT" 'ADD "title" varchar(40) DEFAULT'

t "sqlite: migrate runs every file; pgm.db saw the seed rows of the same run"
assert_exit 0 mig -d "$DB" --node "$NODE" migrate
assert_contains "$OUT" "applied 1700000000003_per_thing"
assert_contains "$ERR" "per_thing: 1 of 2 rows, fields n"
assert_eq "pgmigrations stock_gadgets tags things" "$(tables)"
assert_eq "widgets|small|7,gadgets|large|7" "$(sq "SELECT group_concat(name || '|' || kind || '|' || weight, ',') FROM (SELECT * FROM things ORDER BY id)")"
assert_eq 6 "$(sq 'SELECT count(*) FROM pgmigrations')"
assert_eq "title" "$(sq "SELECT name FROM pragma_table_info('tags') WHERE name = 'title'")"

t "sqlite: status and rollback of the pgm.db file (its own down queries too)"
assert_exit 0 mig -d "$DB" status
assert_contains "$OUT" "1700000000003_per_thing"
assert_exit 0 mig -d "$DB" rollback 2
assert_eq "pgmigrations stock_gadgets things" "$(tables)" "after rolling back 2"
# 004's down is false: node-pg-migrate's message, nothing rolled back
assert_exit 1 mig -d "$DB" rollback
assert_contains "$ERR" "User has disabled down migration on file: 1700000000004_esm"
sq "DELETE FROM pgmigrations WHERE name = '1700000000004_esm'"
assert_exit 0 mig -d "$DB" rollback
assert_eq "pgmigrations things" "$(tables)" "after rolling back per_thing"

t "sqlite: a dry run refuses a pgm.db file clearly"
assert_exit 2 mig -d "$DB" migrate --dry-run
assert_contains "$ERR" "1700000000003_per_thing.js: up() queries the database (pgm.db), and a dry run does not evaluate such a function"
assert_exit 2 mig sql migrations/1700000000003_per_thing.js
assert_contains "$ERR" "the sql command does not evaluate such a function"

t "a throwing up after a pgm.db query: the run rolls back, file:line:col"
TDB="sqlite:$WORK/throw.db"
assert_exit 2 mig -d "$TDB" -m throwing migrate
assert_contains "$ERR" "throwing/1700000000002_throws.js:5:11: Node.js: Error: refusing with 0 rows in up()"
assert_contains "$ERR" "rolled back: nothing from this run was applied"
assert_eq "" "$(sqlite3 "$WORK/throw.db" "SELECT name FROM sqlite_master WHERE name IN ('first_table', 'never')")"
assert_eq 0 "$(sqlite3 "$WORK/throw.db" "SELECT count(*) FROM pgmigrations")"

t "sqlite: a pgm.db file whose operation rebuilds a parent table: the child rows stay"
RDB="sqlite:$WORK/rebuild.db"
assert_exit 0 mig -d "$RDB" -m rebuild migrate
assert_eq 1 "$(sqlite3 "$WORK/rebuild.db" "SELECT count(*) FROM child")" "child rows after the rebuild (ON DELETE CASCADE)"
assert_contains "$(sqlite3 "$WORK/rebuild.db" ".schema parent")" "DEFAULT 'n1' NOT NULL"

t "broken files: syntax error, missing package, a throw while read, a timeout"
# each in a folder of its own (sql reads the files before its target too)
alone() { mkdir -p "$WORK/alone/$1" && cp "broken/$1" "$WORK/alone/$1/" && echo "alone/$1/$1"; }
assert_exit 2 mig sql "$(alone 1700000000001_syntax.js)"
assert_contains "$ERR" "1700000000001_syntax.js:3:35: Node.js: SyntaxError: Unexpected token ')' while importing it"
assert_exit 2 mig sql "$(alone 1700000000002_missing.js)"
assert_contains "$ERR" "1700000000002_missing.js"
assert_contains "$ERR" "Cannot find module 'no-such-package-anywhere'"
assert_exit 2 mig sql "$(alone 1700000000003_load_throw.js)"
assert_contains "$ERR" "1700000000003_load_throw.js:4:9: Node.js: TypeError: no / in up()"
assert_exit 1 mig --node-timeout 2 sql "$(alone 1700000000004_forever.js)"
assert_contains "$ERR" "did not finish within 2 s"
# a .ts file needs Node.js >= 22.6 (type stripping)
if node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 6) ? 0 : 1)'; then
	assert_exit 0 mig sql "$(alone 1700000000005_types.ts)"
	assert_contains "$OUT" '"n" integer DEFAULT 2'
else
	assert_exit 2 mig sql "$(alone 1700000000005_types.ts)"
	assert_contains "$ERR" "a TypeScript file needs Node.js >= 22.6"
fi

t "no Node.js process outlives the runs"
# (the command lines of every process, from /proc: no procps needed)
left=$(for p in /proc/[0-9]*; do tr '\0' ' ' 2>/dev/null <"$p/cmdline" && echo; done |
	grep -E -- "-- (load|run) alone/" || true)
[ -z "$left" ] || fail "a Node.js child is still running: $left"

# ---- PostgreSQL, with node-pg-migrate 9.0.0 as the oracle ----------------
pg_require
npg_require

t "postgres: each dynamic file's SQL equals node-pg-migrate's dry run"
mkdir -p "$WORK/cmp"
cp migrations/1700000000001_things.js migrations/1700000000004_esm.mjs migrations/1700000000005_callback.cjs "$WORK/cmp/"
pg_scratch_db DRY
run npg "$DRY_URL" -m cmp up --dry-run
[ "$RC" = 0 ] || fail "node-pg-migrate's dry run failed"
cp "$LAST_OUT" "$WORK/dry.out"
for f in cmp/*; do
	n=$(basename "${f%.*}")
	awk -v n="$n" '$0 == "### MIGRATION " n " (UP) ###" {on = 1; next} on && /^INSERT INTO "public"."pgmigrations"/ {on = 0} on' \
		"$WORK/dry.out" >"$WORK/expected.$n"
	[ -s "$WORK/expected.$n" ] || fail "no SQL for $n in node-pg-migrate's dry run"
	assert_exit 0 mig sql "$f"
	printf '%s\n' "$OUT" >"$WORK/got.$n"
	diff -u "$WORK/expected.$n" "$WORK/got.$n" >"$WORK/sql.diff" || fail "SQL of $n differs from node-pg-migrate's: $(cat "$WORK/sql.diff")"
done

t "postgres: migrate with both tools: same pgmigrations, same pg_dump --schema-only"
pg_scratch_db NDB
pg_scratch_db ODB
assert_exit 0 npg "$NDB_URL" up
assert_exit 0 mig -d "$ODB_URL" migrate
assert_contains "$ERR" "per_thing: 1 of 2 rows, fields n"
names="SELECT string_agg(name, ',' ORDER BY id) FROM public.pgmigrations"
assert_eq "$(pgq "$NDB_URL" "$names")" "$(pgq "$ODB_URL" "$names")" "pgmigrations"
assert_eq "t" "$(pgq "$ODB_URL" "SELECT to_regclass('public.stock_gadgets') IS NOT NULL AND to_regclass('public.stock_widgets') IS NULL")"
PG_DUMP=pg_dump
[ -n "${MIG_TEST_PG_BINDIR:-}" ] && [ -x "$MIG_TEST_PG_BINDIR/pg_dump" ] && PG_DUMP=$MIG_TEST_PG_BINDIR/pg_dump
dump() {
	"$PG_DUMP" --schema-only "$1" >"$2.raw" || fail "pg_dump failed on $1"
	sed -E 's/^\\(un)?restrict .*/\\\1restrict KEY/' "$2.raw" >"$2"
}
dump "$NDB_URL" "$WORK/npg.sql"
dump "$ODB_URL" "$WORK/ours.sql"
grep -q 'CREATE TABLE public.stock_gadgets' "$WORK/ours.sql" || fail "the dump has no stock_gadgets table"
diff -u "$WORK/npg.sql" "$WORK/ours.sql" >"$WORK/dump.diff" ||
	fail "pg_dump --schema-only differs: $(head -60 "$WORK/dump.diff")"

t "postgres: the child gets the user's environment, not the password of --database-url"
[ -n "${MIG_TEST_PG_PASSWORD_URL:-}" ] && [ -n "${MIG_TEST_PG_PASSWORD:-}" ] || fail "MIG_TEST_PG_PASSWORD_URL is not set"
pg_scratch_db ENV
ENV_PW_URL=$(pg_url_with_db "$MIG_TEST_PG_PASSWORD_URL" "$ENV")
pgq "$ENV_URL" "GRANT ALL ON SCHEMA public TO mig" >/dev/null
assert_exit 0 env -u MIG_TEST_PG_PASSWORD -u MIG_TEST_PG_PASSWORD_URL -u MIG_TEST_PG_URL FROM_USER=ok \
	SECRET_TO_LOOK_FOR="$MIG_TEST_PG_PASSWORD" "$MIG_BIN" --database-url "$ENV_PW_URL" -m envcheck migrate
assert_eq t "$(pgq "$ENV_URL" "SELECT to_regclass('public.env_ok_mig') IS NOT NULL")"
assert_not_contains "$OUT$ERR" "$MIG_TEST_PG_PASSWORD" "output"

t "postgres: a throwing up after a pgm.db query rolls the whole run back"
pg_scratch_db THR
assert_exit 2 mig -d "$THR_URL" -m throwing migrate
assert_contains "$ERR" "throwing/1700000000002_throws.js:5:11: Node.js: Error: refusing with 0 rows in up()"
assert_contains "$ERR" "rolled back: nothing from this run was applied"
assert_eq "f" "$(pgq "$THR_URL" "SELECT to_regclass('public.first_table') IS NOT NULL")"
assert_eq 0 "$(pgq "$THR_URL" "SELECT count(*) FROM public.pgmigrations")"

