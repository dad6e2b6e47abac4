#!/usr/bin/env bash
# Benchmark: wall time to apply (and roll back) a set of N migrations, for
# migrations on SQLite, PostgreSQL and MariaDB, node-pg-migrate 9.0.0 on
# PostgreSQL and dbmate on all three, next to each engine's client floor
# (psql -1 / the mariadb client reading every statement in one go). Each measurement is the median of
# RUNS runs, every run on a fresh database. Prints a markdown table (the
# one in docs/benchmarks.md comes from here).
#
#   tests/bench/bench.sh [BUILD_DIR]       N=200 RUNS=5 by default
#   ENGINES="mysql" N=500 tests/bench/bench.sh   only some engines (default: sqlite postgres mysql)
#
# Needs: a Release build of migrations (BUILD_DIR, default build-bench, is
# configured and built when missing), PostgreSQL server binaries (started
# with tests/ci/postgres-up.sh), MariaDB (tests/ci/mysql-up.sh), Node.js >=
# 20.11 and npm (node-pg-migrate and dbmate are installed from npm into
# BUILD_DIR/bench-npm).
# Speed is measured here, never asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BUILD=${1:-build-bench}
N=${N:-200}
RUNS=${RUNS:-5}
ENGINES=${ENGINES:-sqlite postgres mysql}
want() { case " $ENGINES " in *" $1 "*) return 0 ;; esac; return 1; }

if [ ! -x "$BUILD/migrations" ]; then
	cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DMIG_BUILD_TESTS=OFF >/dev/null
	cmake --build "$BUILD" -j"$(nproc)" >/dev/null
fi
BUILD=$(cd "$BUILD" && pwd)
MIG=$BUILD/migrations

NPM=$BUILD/bench-npm
if [ ! -x "$NPM/node_modules/.bin/node-pg-migrate" ] || [ ! -x "$NPM/node_modules/.bin/dbmate" ]; then
	mkdir -p "$NPM"
	[ -f "$NPM/package.json" ] || printf '{ "name": "bench", "private": true }\n' >"$NPM/package.json"
	(cd "$NPM" && npm install --no-audit --no-fund --loglevel=error node-pg-migrate@9.0.0 pg dbmate >/dev/null)
fi
NPG=$NPM/node_modules/.bin/node-pg-migrate
DBMATE=$NPM/node_modules/.bin/dbmate

exports=$(tests/ci/postgres-up.sh "$BUILD/bench-pg")
eval "$exports"
PGURL_BASE=${MIG_TEST_PG_URL%/*}
exports=$(tests/ci/mysql-up.sh "$BUILD/bench-mysql")
eval "$exports"
MYSQL_CLIENT="mariadb --no-defaults --protocol=tcp -h 127.0.0.1 -P $MIG_TEST_MYSQL_PORT -u root"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; "$ROOT"/tests/ci/postgres-down.sh "$BUILD/bench-pg" >/dev/null 2>&1 || true; "$ROOT"/tests/ci/mysql-down.sh "$BUILD/bench-mysql" >/dev/null 2>&1 || true' EXIT

# The set: N migrations, each a table with a few columns, a foreign key to
# the previous table, an index and a row; as node-pg-migrate JS, as .sql
# (node-pg-migrate's format) and as dbmate's format.
mkdir -p "$WORK/js" "$WORK/sql" "$WORK/dbmate" "$WORK/dbmate-pg" "$WORK/sql-my" "$WORK/dbmate-my"
: >"$WORK/floor-pg.sql"
: >"$WORK/floor-my.sql"
for i in $(seq 1 "$N"); do
	p=$((1700000000000 + i))
	ref=""
	[ "$i" -gt 1 ] && ref="prev_id: { type: 'integer', references: 't$((i - 1))', onDelete: 'CASCADE' },"
	cat >"$WORK/js/${p}_t$i.js" <<EOF
exports.up = (pgm) => {
  pgm.createTable('t$i', {
    id: 'id',
    name: { type: 'varchar(100)', notNull: true },
    created_at: { type: 'timestamp', notNull: true, default: pgm.func('current_timestamp') },
    $ref
  });
  pgm.createIndex('t$i', 'name');
  pgm.sql("INSERT INTO t$i (name) VALUES ('row $i')");
};
exports.down = (pgm) => {
  pgm.dropTable('t$i');
};
EOF
	fk=""
	[ "$i" -gt 1 ] && fk=", prev_id INTEGER REFERENCES t$((i - 1)) (id) ON DELETE CASCADE"
	body="CREATE TABLE t$i (id SERIAL PRIMARY KEY, name VARCHAR(100) NOT NULL, created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP$fk);
CREATE INDEX t${i}_name_index ON t$i (name);
INSERT INTO t$i (name) VALUES ('row $i');"
	printf -- '-- Up Migration\n%s\n\n-- Down Migration\nDROP TABLE t%s;\n' "$body" "$i" >"$WORK/sql/${p}_t$i.sql"
	# SQLite has no SERIAL: dbmate runs the same SQL on both, so give it
	# the portable spelling there
	printf -- '-- migrate:up\n%s\n\n-- migrate:down\nDROP TABLE t%s;\n' "${body/SERIAL PRIMARY KEY/INTEGER PRIMARY KEY}" "$i" >"$WORK/dbmate/${p}_t$i.sql"
	printf -- '-- migrate:up\n%s\n\n-- migrate:down\nDROP TABLE t%s;\n' "$body" "$i" >"$WORK/dbmate-pg/${p}_t$i.sql"
	printf '%s\n' "$body" >>"$WORK/floor-pg.sql"
	# MySQL's spelling of the same table
	myfk=""
	[ "$i" -gt 1 ] && myfk=", prev_id INT, CONSTRAINT t${i}_prev_id_fkey FOREIGN KEY (prev_id) REFERENCES t$((i - 1)) (id) ON DELETE CASCADE"
	mybody="CREATE TABLE t$i (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)$myfk) ENGINE=InnoDB;
CREATE INDEX t${i}_name_index ON t$i (name);
INSERT INTO t$i (name) VALUES ('row $i');"
	printf -- '-- Up Migration\n%s\n\n-- Down Migration\nDROP TABLE t%s;\n' "$mybody" "$i" >"$WORK/sql-my/${p}_t$i.sql"
	printf -- '-- migrate:up\n%s\n\n-- migrate:down\nDROP TABLE t%s;\n' "$mybody" "$i" >"$WORK/dbmate-my/${p}_t$i.sql"
	printf '%s\n' "$mybody" >>"$WORK/floor-my.sql"
done

now_ns() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# measure NAME SETUP RUN: median ms of RUN over RUNS runs, SETUP before each
measure() {
	local name=$1 setup=$2 cmd=$3 t0 t1 i
	for ((i = 0; i < RUNS; i++)); do
		eval "$setup" >/dev/null 2>&1
		t0=$(now_ns)
		eval "$cmd" >/dev/null 2>"$WORK/err" || { echo "bench: $name failed: $(cat "$WORK/err")" >&2; exit 1; }
		t1=$(now_ns)
		echo $(((t1 - t0) / 1000000))
	done | median
}

fresh_pg() { psql -X -q -d "$MIG_TEST_PG_URL" -c "DROP DATABASE IF EXISTS bench WITH (FORCE)" -c "CREATE DATABASE bench"; }
PG=$PGURL_BASE/bench
fresh_my() { $MYSQL_CLIENT -e "DROP DATABASE IF EXISTS bench; CREATE DATABASE bench"; }
MY=mysql://root@127.0.0.1:$MIG_TEST_MYSQL_PORT/bench
cd "$WORK"

declare -A R
if want sqlite; then
R[mig_sqlite_js_up]=$(measure "migrations sqlite js" "rm -f b.db" "$MIG -q -m js -d sqlite:b.db migrate")
R[mig_sqlite_js_down]=$(measure "migrations sqlite js down" "rm -f b.db; $MIG -q -m js -d sqlite:b.db migrate" "$MIG -q -m js -d sqlite:b.db rollback 0")
R[mig_sqlite_status]=$(measure "migrations sqlite status" "rm -f b.db; $MIG -q -m js -d sqlite:b.db migrate" "$MIG -q -m js -d sqlite:b.db status")
R[dbmate_sqlite_up]=$(measure "dbmate sqlite" "rm -f d.db" "$DBMATE --no-dump-schema -d dbmate -u sqlite:d.db up")
R[mig_version]=$(measure "migrations --version" ":" "$MIG --version")
fi
if want postgres; then
R[mig_pg_js_up]=$(measure "migrations pg js" "fresh_pg" "$MIG -q -m js -d $PG migrate")
R[mig_pg_sql_up]=$(measure "migrations pg sql" "fresh_pg" "$MIG -q -m sql -d $PG migrate")
R[npg_pg_js_up]=$(measure "node-pg-migrate pg js" "fresh_pg" "DATABASE_URL=$PG $NPG -m js --no-verbose up")
R[npg_pg_sql_up]=$(measure "node-pg-migrate pg sql" "fresh_pg" "DATABASE_URL=$PG $NPG -m sql --no-verbose up")
R[mig_pg_js_down]=$(measure "migrations pg js down" "fresh_pg; $MIG -q -m js -d $PG migrate" "$MIG -q -m js -d $PG rollback 0")
R[npg_pg_js_down]=$(measure "node-pg-migrate pg js down" "fresh_pg; DATABASE_URL=$PG $NPG -m js --no-verbose up" "DATABASE_URL=$PG $NPG -m js --no-verbose down 0")
R[dbmate_pg_up]=$(measure "dbmate pg" "fresh_pg" "$DBMATE --no-dump-schema -d dbmate-pg -u '$PG?sslmode=disable' up")
R[mig_pg_status]=$(measure "migrations pg status" "fresh_pg; $MIG -q -m js -d $PG migrate" "$MIG -q -m js -d $PG status")
R[npg_noop]=$(measure "node-pg-migrate up (nothing to do)" "fresh_pg; DATABASE_URL=$PG $NPG -m js --no-verbose up" "DATABASE_URL=$PG $NPG -m js --no-verbose up")
R[mig_noop]=$(measure "migrations migrate (nothing to do)" "fresh_pg; $MIG -q -m js -d $PG migrate" "$MIG -q -m js -d $PG migrate")
R[floor_pg]=$(measure "psql -1 (floor)" "fresh_pg" "psql -X -q -1 -v ON_ERROR_STOP=1 -d $PG -f floor-pg.sql")
fi
if want mysql; then
R[mig_my_sql_up]=$(measure "migrations mariadb sql" "fresh_my" "$MIG -q -m sql-my -d $MY migrate")
R[mig_my_js_up]=$(measure "migrations mariadb js" "fresh_my" "$MIG -q -m js -d $MY migrate")
R[mig_my_js_down]=$(measure "migrations mariadb js down" "fresh_my; $MIG -q -m js -d $MY migrate" "$MIG -q -m js -d $MY rollback 0")
R[mig_my_noop]=$(measure "migrations mariadb (nothing to do)" "fresh_my; $MIG -q -m sql-my -d $MY migrate" "$MIG -q -m sql-my -d $MY migrate")
R[dbmate_my_up]=$(measure "dbmate mariadb" "fresh_my" "$DBMATE --no-dump-schema -d dbmate-my -u $MY up")
R[floor_my]=$(measure "mariadb client (floor)" "fresh_my" "$MYSQL_CLIENT bench <floor-my.sql")
fi

if want sqlite || want postgres; then
cat <<EOF
| task ($N migrations; median of $RUNS runs, ms) | migrations | node-pg-migrate 9.0.0 | dbmate |
| --- | ---: | ---: | ---: |
| PostgreSQL: apply all (JS files) | ${R[mig_pg_js_up]} | ${R[npg_pg_js_up]} | |
| PostgreSQL: apply all (.sql files) | ${R[mig_pg_sql_up]} | ${R[npg_pg_sql_up]} | ${R[dbmate_pg_up]} |
| PostgreSQL: roll back all | ${R[mig_pg_js_down]} | ${R[npg_pg_js_down]} | |
| PostgreSQL: up with nothing to do | ${R[mig_noop]} | ${R[npg_noop]} | |
| PostgreSQL: status | ${R[mig_pg_status]} | | |
| SQLite: apply all (JS files / dbmate .sql) | ${R[mig_sqlite_js_up]} | | ${R[dbmate_sqlite_up]} |
| SQLite: roll back all | ${R[mig_sqlite_js_down]} | | |
| SQLite: status | ${R[mig_sqlite_status]} | | |
| start-up (\`--version\`) | ${R[mig_version]:-} | | |

PostgreSQL client floor (psql -1 -f of the same statements): ${R[floor_pg]:-} ms.
EOF
fi
if want mysql; then
cat <<EOF
| MariaDB ($N migrations; median of $RUNS runs, ms) | migrations | dbmate | mariadb client (floor) |
| --- | ---: | ---: | ---: |
| apply all (.sql files) | ${R[mig_my_sql_up]} | ${R[dbmate_my_up]} | ${R[floor_my]} |
| apply all (JS files) | ${R[mig_my_js_up]} | | |
| roll back all (JS files) | ${R[mig_my_js_down]} | | |
| up with nothing to do | ${R[mig_my_noop]} | | |
EOF
fi
