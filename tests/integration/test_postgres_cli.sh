# The `migrations` command end to end on PostgreSQL: the state table as
# node-pg-migrate makes it, every command-line flag that matters on
# PostgreSQL, and the connection forms. Needs MIG_TEST_PG_URL (see
# tests/ci/postgres-up.sh); every section works in a scratch database.
. "$(dirname "$0")/lib.sh"

pg_require
unset DATABASE_URL PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE PGOPTIONS PGSSLMODE PGCONNECT_TIMEOUT

# A fresh migrations folder with four .sql migrations (13-digit prefixes,
# as node-pg-migrate's `create` writes them).
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

# applied URL [schema.table]: applied names in run order, comma-separated.
applied() {
	pgq "$1" "SELECT coalesce(string_agg(name, ',' ORDER BY run_on, id), '') FROM ${2:-public.pgmigrations}"
}

# tables URL SCHEMA: the tables of a schema, sorted, comma-separated.
tables() {
	pgq "$1" "SELECT coalesce(string_agg(table_name::text, ',' ORDER BY table_name), '') FROM information_schema.tables WHERE table_schema = '$2'"
}

ALL=1700000000001_t1,1700000000002_t2,1700000000003_t3,1700000000004_t4

t "migrate creates pgmigrations exactly as node-pg-migrate does"
pg_scratch_db DB
new_set
assert_exit 0 mig --database-url "$DB_URL" migrate
assert_contains "$OUT" "ran 1700000000004_t4"
assert_contains "$OUT" "committed: 4 migrations applied (1700000000001_t1 .. 1700000000004_t4)"
assert_contains "$OUT" "Migrations complete!"
assert_eq "$ALL" "$(applied "$DB_URL")"
cols=$(pgq "$DB_URL" "SELECT string_agg(column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') || ' ' || is_nullable || ' ' || coalesce(column_default, '-'), '; ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'pgmigrations'")
assert_eq "id integer NO nextval('pgmigrations_id_seq'::regclass); name character varying(255) NO -; run_on timestamp without time zone NO -" "$cols" "pgmigrations columns"
assert_eq "pgmigrations_pkey|PRIMARY KEY (id)" "$(pgq "$DB_URL" "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'public.pgmigrations'::regclass")" "constraints"
assert_eq "pgmigrations_pkey" "$(pgq "$DB_URL" "SELECT string_agg(indexrelid::regclass::text, ',') FROM pg_index WHERE indrelid = 'public.pgmigrations'::regclass")" "indexes"
# one run = one transaction: every row has the same run_on (NOW())
assert_eq 1 "$(pgq "$DB_URL" "SELECT count(DISTINCT run_on) FROM pgmigrations")" "run_on of a single-transaction run"
assert_eq "t1,t2,t3,t4" "$(tables "$DB_URL" public | sed 's/pgmigrations,//')"
assert_exit 0 mig --database-url "$DB_URL" migrate
assert_contains "$OUT" "No migrations to run!"

t "status: applied with their run time, then pending; --json"
assert_exit 0 mig --database-url "$DB_URL" rollback
assert_exit 0 mig --database-url "$DB_URL" status
assert_eq 4 "$(printf '%s\n' "$OUT" | wc -l)" "status lines"
printf '%s\n' "$OUT" | sed -n 1p | grep -Eq '^1700000000001_t1 +[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.]+$' || fail "first status line: $OUT"
assert_contains "$(printf '%s\n' "$OUT" | sed -n 4p)" "pending"
assert_contains "$ERR" "3 applied, 1 pending"
assert_exit 0 mig --database-url "$DB_URL" status --json
assert_contains "$OUT" '"name": "1700000000004_t4", "status": "pending", "run_on": null'

t "migrate N / name; rollback N / name / 0 (= all); redo [N]"
pg_scratch_db DB
new_set
U=$DB_URL
assert_exit 0 mig --database-url "$U" migrate 1
assert_eq 1700000000001_t1 "$(applied "$U")"
assert_exit 0 mig --database-url "$U" migrate 1700000000003_t3
assert_eq 1700000000001_t1,1700000000002_t2,1700000000003_t3 "$(applied "$U")" "up to a name"
assert_exit 0 mig --database-url "$U" up 0
assert_contains "$OUT" "No migrations to run!" "up 0 runs nothing"
assert_exit 0 mig --database-url "$U" rollback 2
assert_eq 1700000000001_t1 "$(applied "$U")"
assert_eq "pgmigrations,t1" "$(tables "$U" public)"
assert_exit 0 mig --database-url "$U" migrate
assert_exit 0 mig --database-url "$U" rollback 1700000000003_t3
assert_eq 1700000000001_t1,1700000000002_t2 "$(applied "$U")" "down to a name"
assert_exit 0 mig --database-url "$U" migrate
before=$(pgq "$U" "SELECT id FROM pgmigrations WHERE name = '1700000000004_t4'")
assert_exit 0 mig --database-url "$U" redo
assert_contains "$OUT" "ran down 1700000000004_t4"
assert_contains "$OUT" "ran 1700000000004_t4"
assert_contains "$OUT" "committed: 1 rolled back, 1 applied"
assert_eq "$ALL" "$(applied "$U")"
after=$(pgq "$U" "SELECT id FROM pgmigrations WHERE name = '1700000000004_t4'")
[ "$after" -gt "$before" ] || fail "redo did not record 1700000000004_t4 again ($before -> $after)"
assert_exit 0 mig --database-url "$U" redo 2
assert_contains "$OUT" "ran down 1700000000003_t3"
assert_contains "$OUT" "ran 1700000000003_t3"
assert_contains "$OUT" "committed: 2 rolled back, 2 applied"
assert_eq "$ALL" "$(applied "$U")"
assert_exit 0 mig --database-url "$U" down 0
assert_eq "" "$(applied "$U")" "rollback 0 rolls back everything"
assert_eq "pgmigrations" "$(tables "$U" public)"

t "--dry-run changes nothing: no schema, no state table, no rows, no tables"
pg_scratch_db DB
new_set
U=$DB_URL
snapshot() {
	pgq "$U" "SELECT string_agg(n.nspname || '.' || c.relname || ':' || c.relkind::text, ',' ORDER BY 1) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
	pgq "$U" "SELECT string_agg(nspname, ',' ORDER BY 1) FROM pg_namespace"
}
empty=$(snapshot)
assert_exit 0 mig --database-url "$U" -s app --create-schema --dry-run migrate
assert_contains "$OUT" "### MIGRATION 1700000000001_t1 (UP) ###"
assert_contains "$OUT" "CREATE TABLE t1 (id integer PRIMARY KEY);"
assert_contains "$OUT" "INSERT INTO \"app\".\"pgmigrations\" (name, run_on) VALUES ('1700000000001_t1', NOW());"
assert_contains "$ERR" "dry run"
assert_eq "$empty" "$(snapshot)" "database after --dry-run migrate"
# and on a database that has state: rollback 0 shows everything, touches nothing
assert_exit 0 mig --database-url "$U" migrate 3
state=$(snapshot)
rows=$(pgq "$U" "SELECT string_agg(id || name || run_on, ',' ORDER BY id) FROM pgmigrations")
assert_exit 0 mig --database-url "$U" --dry-run rollback 0
assert_contains "$OUT" "DELETE FROM \"public\".\"pgmigrations\" WHERE name='1700000000001_t1';"
assert_exit 0 mig --database-url "$U" --dry-run migrate
assert_contains "$OUT" "1700000000004_t4"
assert_exit 0 mig --database-url "$U" --dry-run redo
assert_eq "$state" "$(snapshot)" "database after dry runs"
assert_eq "$rows" "$(pgq "$U" "SELECT string_agg(id || name || run_on, ',' ORDER BY id) FROM pgmigrations")" "pgmigrations after dry runs"

t "--fake records without running, and un-records without running"
pg_scratch_db DB
new_set
U=$DB_URL
assert_exit 0 mig --database-url "$U" --fake migrate 2
assert_eq 1700000000001_t1,1700000000002_t2 "$(applied "$U")"
assert_eq "pgmigrations" "$(tables "$U" public)" "no table was created"
assert_exit 0 mig --database-url "$U" migrate
assert_eq "pgmigrations,t3,t4" "$(tables "$U" public)"
assert_exit 0 mig --database-url "$U" --fake rollback
assert_eq 1700000000001_t1,1700000000002_t2,1700000000003_t3 "$(applied "$U")"
assert_eq "pgmigrations,t3,t4" "$(tables "$U" public)" "no table was dropped"

t "-s/--schema, --create-schema: search_path, and the state table in the first schema"
pg_scratch_db DB
new_set
U=$DB_URL
assert_exit 1 mig --database-url "$U" -s app migrate
assert_contains "$ERR" "Unable to ensure migrations table"
assert_contains "$ERR" 'schema "app" does not exist'
assert_exit 0 mig --database-url "$U" -s app -s extra --create-schema migrate 2
assert_eq "pgmigrations,t1,t2" "$(tables "$U" app)"
assert_eq "" "$(tables "$U" public)"
assert_eq 1 "$(pgq "$U" "SELECT count(*) FROM pg_namespace WHERE nspname = 'extra'")" "second schema created"
assert_eq 1700000000001_t1,1700000000002_t2 "$(applied "$U" app.pgmigrations)"
assert_exit 0 mig --database-url "$U" --schema=app status
assert_contains "$OUT" "1700000000003_t3  pending"
assert_exit 0 mig --database-url "$U" status
assert_contains "$ERR" "0 applied, 4 pending" "the default schema is public"

t "--migrations-schema, --create-migrations-schema"
assert_exit 1 mig --database-url "$U" -s app --migrations-schema meta migrate
assert_contains "$ERR" 'schema "meta" does not exist'
assert_exit 0 mig --database-url "$U" -s app2 --create-schema --migrations-schema meta --create-migrations-schema migrate 1
assert_eq "pgmigrations" "$(tables "$U" meta)"
assert_eq "1700000000001_t1" "$(applied "$U" meta.pgmigrations)"
assert_eq "t1" "$(tables "$U" app2)" "migrations ran in the --schema schema"
assert_eq "pgmigrations,t1,t2" "$(tables "$U" app)" "app untouched"
# --create-migrations-schema without --migrations-schema does nothing (node-pg-migrate)
assert_exit 1 mig --database-url "$U" -s app3 --create-migrations-schema migrate 1
assert_contains "$ERR" 'schema "app3" does not exist'

t "-t/--migrations-table"
pg_scratch_db DB
new_set
U=$DB_URL
assert_exit 0 mig --database-url "$U" -t my_migrations migrate 1
assert_eq "my_migrations,t1" "$(tables "$U" public)"
assert_eq 1700000000001_t1 "$(applied "$U" public.my_migrations)"
assert_exit 0 mig --database-url "$U" --migrations-table=my_migrations status
assert_contains "$ERR" "1 applied, 3 pending"

t "names reach SQL as quoted literals (a quote in a file name is data)"
cat >"migrations/1700000000005_it's.sql" <<'SQL'
-- Up Migration
SELECT 1;
-- Down Migration
SELECT 1;
SQL
assert_exit 0 mig --database-url "$U" -t my_migrations migrate
assert_eq 1 "$(pgq "$U" "SELECT count(*) FROM my_migrations WHERE name = '1700000000005_it''s'")"
assert_exit 0 mig --database-url "$U" -t my_migrations rollback
assert_eq 0 "$(pgq "$U" "SELECT count(*) FROM my_migrations WHERE name = '1700000000005_it''s'")"
rm "migrations/1700000000005_it's.sql"

t "-d/--database-url-var: the variable it names, or the URL itself"
pg_scratch_db DB
new_set
MY_DB_URL=$DB_URL assert_exit 0 mig -d MY_DB_URL migrate 1
assert_eq 1700000000001_t1 "$(applied "$DB_URL")"
assert_exit 0 mig --database-url-var "$DB_URL" migrate 1
assert_eq 1700000000001_t1,1700000000002_t2 "$(applied "$DB_URL")"
assert_exit 2 mig -d NO_SUCH_VARIABLE_HERE status
assert_contains "$ERR" "NO_SUCH_VARIABLE_HERE"
DATABASE_URL=$DB_URL assert_exit 0 mig status
assert_contains "$ERR" "2 applied, 2 pending"

t ".env in the working directory; variables already set win"
pg_scratch_db DB
pg_scratch_db OTHER
mkdir envdir && cd envdir
new_set
printf '# test\nDATABASE_URL=%s\n' "$DB_URL" >.env
assert_exit 0 mig migrate 1
assert_eq 1700000000001_t1 "$(applied "$DB_URL")"
DATABASE_URL=$OTHER_URL assert_exit 0 mig migrate 2
assert_eq 1700000000001_t1,1700000000002_t2 "$(applied "$OTHER_URL")" "the set variable won"
assert_eq 1700000000001_t1 "$(applied "$DB_URL")" ".env's database untouched"
cd "$WORK"

t "--timestamp: N is a timestamp (up: <= N, down: >= N)"
pg_scratch_db DB
new_set
U=$DB_URL
assert_exit 0 mig --database-url "$U" --timestamp migrate 1700000000002
assert_eq 1700000000001_t1,1700000000002_t2 "$(applied "$U")"
assert_exit 0 mig --database-url "$U" migrate
assert_exit 0 mig --database-url "$U" --timestamp rollback 1700000000003
assert_eq 1700000000001_t1,1700000000002_t2 "$(applied "$U")"

t "-v/--verbose prints every statement and the server's notices"
pg_scratch_db DB
new_set
U=$DB_URL
cat >migrations/1700000000005_notice.sql <<'SQL'
-- Up Migration
DROP TABLE IF EXISTS no_such_table_here;
-- Down Migration
SELECT 1;
SQL
assert_exit 0 mig --database-url "$U" migrate 4
assert_not_contains "$OUT" "CREATE TABLE" "without --verbose"
assert_exit 0 mig --database-url "$U" -v migrate
assert_contains "$OUT" "### MIGRATION 1700000000005_notice (UP) ###"
assert_contains "$OUT" "DROP TABLE IF EXISTS no_such_table_here;"
assert_contains "$OUT" "INSERT INTO \"public\".\"pgmigrations\" (name, run_on) VALUES ('1700000000005_notice', NOW());"
assert_contains "$ERR" 'NOTICE:  table "no_such_table_here" does not exist, skipping'
assert_exit 0 mig --database-url "$U" redo
assert_not_contains "$ERR" "NOTICE" "notices without --verbose"

t "single transaction by default; --no-single-transaction: one per migration"
pg_scratch_db DB
new_set
U=$DB_URL
cat >migrations/1700000000003_t3.sql <<'SQL'
-- Up Migration
CREATE TABLE t3 (id integer);
INSERT INTO t3 VALUES (1 / 0);

-- Down Migration
DROP TABLE t3;
SQL
assert_exit 1 mig --database-url "$U" migrate
assert_contains "$ERR" "division by zero"
assert_eq "" "$(applied "$U")" "single transaction: nothing recorded"
assert_eq "pgmigrations" "$(tables "$U" public)" "single transaction: nothing applied"
assert_exit 1 mig --database-url "$U" --no-single-transaction migrate
assert_contains "$ERR" "division by zero"
assert_eq 1700000000001_t1,1700000000002_t2 "$(applied "$U")" "the migrations before the failing one stay"
assert_eq "pgmigrations,t1,t2" "$(tables "$U" public)"
assert_eq 2 "$(pgq "$U" "SELECT count(DISTINCT run_on) FROM pgmigrations")" "one transaction each"

t "noTransaction() migrations run outside the transaction"
pg_scratch_db DB
rm -rf migrations && mkdir migrations
cat >migrations/1700000000001_t.sql <<'SQL'
-- Up Migration
CREATE TABLE t (id integer);
-- Down Migration
DROP TABLE t;
SQL
cat >migrations/1700000000002_idx.js <<'JS'
exports.up = (pgm) => {
  pgm.noTransaction();
  pgm.sql('CREATE INDEX CONCURRENTLY t_id_idx ON t (id)');
};
exports.down = (pgm) => {
  pgm.noTransaction();
  pgm.sql('DROP INDEX CONCURRENTLY t_id_idx');
};
JS
assert_exit 0 mig --database-url "$DB_URL" migrate
assert_contains "$ERR" "WARNING: Need to break single transaction!"
assert_eq 1700000000001_t,1700000000002_idx "$(applied "$DB_URL")"
assert_eq 1 "$(pgq "$DB_URL" "SELECT count(*) FROM pg_indexes WHERE indexname = 't_id_idx'")"
assert_exit 0 mig --database-url "$DB_URL" rollback
assert_eq 0 "$(pgq "$DB_URL" "SELECT count(*) FROM pg_indexes WHERE indexname = 't_id_idx'")"
# CONCURRENTLY cannot run inside a transaction block: without
# noTransaction() the migration fails, and nothing is left behind
sed -i '/noTransaction/d' migrations/1700000000002_idx.js
assert_exit 1 mig --database-url "$DB_URL" migrate
assert_contains "$ERR" "cannot run inside a transaction block"
assert_eq 1700000000001_t "$(applied "$DB_URL")"

t "a noTransaction() migration that fails half-way is journalled, refused and repaired"
pg_scratch_db DB
rm -rf migrations && mkdir migrations
cat >migrations/1700000000001_nt.js <<'JS'
exports.up = (pgm) => {
  pgm.noTransaction();
  pgm.sql('CREATE TABLE nt1 (id integer)');
  pgm.sql('CREATE TABLE nt2 (id integer)');
  pgm.sql('CREATE INDEX CONCURRENTLY nt_missing_idx ON nt_missing (id)');
};
exports.down = (pgm) => {
  pgm.sql('DROP TABLE nt2');
  pgm.sql('DROP TABLE nt1');
};
JS
assert_exit 1 mig --database-url "$DB_URL" migrate
assert_contains "$ERR" "the 2 statement(s) before the failing one (statement 3) stay applied"
assert_contains "$ERR" "the migrations journal keeps it as failed"
assert_eq "1700000000001_nt|up|failed|2" "$(pgq "$DB_URL" "SELECT name, direction, state, statements_done FROM public.pgmigrations_journal")"
assert_eq "" "$(applied "$DB_URL")" "node-pg-migrate's table holds nothing of it"
assert_exit 1 mig --database-url "$DB_URL" migrate
assert_contains "$ERR" "migrate refused: migration 1700000000001_nt failed half-way"
assert_exit 0 mig --database-url "$DB_URL" status --json
assert_contains "$OUT" '"status": "failed"'
pgq "$DB_URL" "CREATE TABLE nt_missing (id integer); CREATE INDEX nt_missing_idx ON nt_missing (id)" >/dev/null
assert_exit 0 mig --database-url "$DB_URL" repair 1700000000001_nt --applied
assert_eq 1700000000001_nt "$(applied "$DB_URL")"
assert_eq 0 "$(pgq "$DB_URL" "SELECT count(*) FROM public.pgmigrations_journal")"
assert_exit 0 mig --database-url "$DB_URL" rollback
assert_eq "" "$(applied "$DB_URL")"

t "connection forms: postgresql://, key=value, PG* variables, sslmode passed to libpq"
pg_scratch_db DB
new_set
port=$(psql -X -At -d "$MIG_TEST_PG_URL" -c "SHOW port")
assert_exit 0 mig --database-url "$(printf '%s' "$DB_URL" | sed 's|^postgres://|postgresql://|')" migrate 1
assert_eq 1700000000001_t1 "$(applied "$DB_URL")"
assert_exit 0 mig --database-url "host=127.0.0.1 port=$port user=postgres dbname=$DB application_name='migrations test'" migrate 1
assert_eq 1700000000001_t1,1700000000002_t2 "$(applied "$DB_URL")"
PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=$DB assert_exit 0 mig migrate 1
assert_contains "$ERR" "connecting with the PG* environment variables"
assert_eq 1700000000001_t1,1700000000002_t2,1700000000003_t3 "$(applied "$DB_URL")"
assert_exit 0 mig --database-url "$DB_URL?sslmode=disable&application_name=mig" status
# the test server has no SSL: libpq itself must have seen sslmode=require
assert_exit 1 mig --database-url "$DB_URL?sslmode=require" status
assert_contains "$ERR" "SSL"
PGSSLMODE=require assert_exit 1 mig --database-url "$DB_URL" status
assert_contains "$ERR" "SSL"
assert_exit 2 mig --database-url "$DB_URL?no_such_parameter=1" status
assert_contains "$ERR" "no_such_parameter"
assert_exit 2 mig --database-url "$DB_URL?sslmode=sometimes" status
assert_contains "$ERR" "sslmode"

t "check-order: node-pg-migrate's rule and message; --no-check-order"
pg_scratch_db DB
new_set
U=$DB_URL
mv migrations/1700000000002_t2.sql "$WORK/held-back.sql"
assert_exit 0 mig --database-url "$U" migrate
assert_eq 1700000000001_t1,1700000000003_t3,1700000000004_t4 "$(applied "$U")"
mv "$WORK/held-back.sql" migrations/1700000000002_t2.sql
assert_exit 1 mig --database-url "$U" migrate
assert_contains "$ERR" "Not run migration 1700000000002_t2 is preceding already run migration 1700000000003_t3"
assert_exit 1 mig --database-url "$U" rollback
assert_contains "$ERR" "Not run migration 1700000000002_t2 is preceding already run migration 1700000000003_t3" "the check also blocks down"
assert_exit 0 mig --database-url "$U" --no-check-order migrate
assert_eq 1700000000001_t1,1700000000003_t3,1700000000004_t4,1700000000002_t2 "$(applied "$U")"

t "an old state table without a primary key gets one; ORDER BY run_on, id"
pg_scratch_db DB
new_set
U=$DB_URL
pgq "$U" "CREATE TABLE pgmigrations (id SERIAL, name varchar(255) NOT NULL, run_on timestamp NOT NULL);
  INSERT INTO pgmigrations (id, name, run_on) VALUES (2, '1700000000001_t1', '2020-01-01'), (1, '1700000000002_t2', '2020-01-02');
  SELECT setval('pgmigrations_id_seq', 2);
  CREATE TABLE t1 (id integer); CREATE TABLE t2 (id integer);" >/dev/null
assert_exit 0 mig --database-url "$U" status
assert_contains "$(printf '%s\n' "$OUT" | sed -n 1p)" "1700000000001_t1" "run_on orders first"
assert_exit 0 mig --database-url "$U" migrate
assert_eq "pgmigrations_pkey" "$(pgq "$U" "SELECT conname FROM pg_constraint WHERE conrelid = 'pgmigrations'::regclass AND contype = 'p'")"
pgq "$U" "UPDATE pgmigrations SET run_on = '2020-01-01'" >/dev/null
assert_exit 1 mig --database-url "$U" migrate
assert_contains "$ERR" "Not run migration 1700000000001_t1 is preceding already run migration 1700000000002_t2" "equal run_on: id decides"

t "file names with quotes and backslashes are recorded exactly, with standard_conforming_strings off"
pg_scratch_db DB
pgq "$DB_URL" "ALTER DATABASE $DB SET standard_conforming_strings = off" >/dev/null
pgq "$DB_URL" "CREATE TABLE victim (id int)" >/dev/null
rm -rf migrations && mkdir migrations
evil="1000_x\\', now()); DROP TABLE victim; --"
tabbed=$(printf '1001_tab\\tname')
printf -- '-- Up Migration\nSELECT 1;\n-- Down Migration\nSELECT 1;\n' >"migrations/$evil.sql"
printf -- '-- Up Migration\nSELECT 2;\n-- Down Migration\nSELECT 2;\n' >"migrations/$tabbed.sql"
assert_eq off "$(pgq "$DB_URL" "SHOW standard_conforming_strings")" "the database's default"
assert_exit 0 mig --database-url "$DB_URL" migrate
assert_eq 1 "$(pgq "$DB_URL" "SELECT count(*) FROM pg_class WHERE relname = 'victim'")" "victim is still there"
assert_eq "$evil" "$(pgq "$DB_URL" "SELECT name FROM pgmigrations ORDER BY id LIMIT 1")" "the name as the file has it"
assert_eq "$tabbed" "$(pgq "$DB_URL" "SELECT name FROM pgmigrations ORDER BY id OFFSET 1")" "a backslash-t stays two characters"
assert_exit 0 mig --database-url "$DB_URL" migrate
assert_contains "$OUT" "No migrations to run!"
assert_exit 0 mig --database-url "$DB_URL" rollback 0
assert_eq 0 "$(pgq "$DB_URL" "SELECT count(*) FROM pgmigrations")" "both found again to un-record"
assert_eq 1 "$(pgq "$DB_URL" "SELECT count(*) FROM pg_class WHERE relname = 'victim'")"
