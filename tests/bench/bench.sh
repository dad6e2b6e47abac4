#!/usr/bin/env bash
# Benchmark: wall time to apply a set of N migrations on SQLite,
# PostgreSQL and MariaDB, for `migrations` (the same migrations as JS
# and as .sql files), node-pg-migrate 9.0.0 (PostgreSQL only), dbmate,
# and each engine's client floor (the same statements read by the
# engine's own client in one go: `psql -1 -f`, the `mariadb` client,
# `sqlite3` reading BEGIN; all; COMMIT), and the floor of the JS set:
# the same clients reading the statements `migrations migrate --dry-run`
# prints for the JS files on that engine (its dialect's SQL, which on
# SQLite carries the type CHECKs and so costs the engine more than the
# .sql set's), without the records. On MariaDB, two more runs of its
# client take the cost apart: each migration's statements as one text
# (floor-text), and the very texts ours sends, the journal's writes and
# the records included (floor-journal; tests/bench/gen.sh). Rounds are
# interleaved: every round runs every (N, engine, tool) once, each on a
# fresh database, so that a change of load on the machine hits every
# tool alike. Writes the raw times (OUT/results.tsv), the medians and
# ratios as markdown (OUT/results.md, also printed) and a plot of time
# against N per tool and engine (OUT/scaling.svg), by
# tests/bench/report.py. After the rounds, each tool runs once more at
# the largest N under GNU time for its peak RSS (OUT/rss.tsv, a table in
# results.md); RSS=0 skips that.
#
#   tests/bench/bench.sh [BUILD_DIR]
#   N="100 500 2000" RUNS=3 ENGINES="sqlite postgres mysql" OUT=bench-out tests/bench/bench.sh
#   TOOLS="mig-js mig-sql floor" ...     only some tools (default: all)
#   EXTRA=1 ...                           also roll back / status / no-op runs
#
# Needs: bash >= 5 (EPOCHREALTIME), a Release build of migrations
# (BUILD_DIR, default build-bench, is configured and built when
# missing), PostgreSQL server binaries (started
# with tests/ci/postgres-up.sh), MariaDB (tests/ci/mysql-up.sh), sqlite3,
# psql, the mariadb client, python3, GNU time (/usr/bin/time), Node.js >= 20.11 and npm
# (node-pg-migrate and dbmate are installed from npm into
# BUILD_DIR/bench-npm). Speed is measured here, never asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BUILD=${1:-build-bench}
NS=${N:-100 500 2000}
RUNS=${RUNS:-3}
ENGINES=${ENGINES:-sqlite postgres mysql}
TOOLS=${TOOLS:-mig-js mig-sql node-pg-migrate-js node-pg-migrate-sql dbmate floor floor-js floor-text floor-journal}
OUT=${OUT:-$ROOT/bench-out}
want() { case " $ENGINES " in *" $1 "*) return 0 ;; esac; return 1; }
tool() { case " $TOOLS " in *" $1 "*) return 0 ;; esac; return 1; }

if [ ! -x "$BUILD/migrations" ]; then
	cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DMIG_BUILD_TESTS=OFF >/dev/null
	cmake --build "$BUILD" -j"$(nproc)" >/dev/null
fi
BUILD=$(cd "$BUILD" && pwd)
MIG=$BUILD/migrations
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

NPM=$BUILD/bench-npm
if [ ! -x "$NPM/node_modules/.bin/node-pg-migrate" ] || [ ! -x "$NPM/node_modules/.bin/dbmate" ]; then
	mkdir -p "$NPM"
	[ -f "$NPM/package.json" ] || printf '{ "name": "bench", "private": true }\n' >"$NPM/package.json"
	(cd "$NPM" && npm install --no-audit --no-fund --loglevel=error node-pg-migrate@9.0.0 pg dbmate >/dev/null)
fi
NPG=$NPM/node_modules/.bin/node-pg-migrate
# dbmate's npm bin is a Node.js script that spawns the Go binary: that
# costs each run about 100 ms of node start-up, which is not dbmate's
DBMATE=$(find "$NPM/node_modules/@dbmate" -path '*/bin/dbmate' -type f 2>/dev/null | head -n 1)
[ -x "$DBMATE" ] || { echo "bench: dbmate's own binary is not under $NPM/node_modules/@dbmate" >&2; exit 1; }

WORK=$(mktemp -d)
cleanup() {
	rm -rf "$WORK"
	want postgres && "$ROOT"/tests/ci/postgres-down.sh "$BUILD/bench-pg" >/dev/null 2>&1 || true
	want mysql && "$ROOT"/tests/ci/mysql-down.sh "$BUILD/bench-mysql" >/dev/null 2>&1 || true
}
trap cleanup EXIT
if want postgres; then
	eval "$(tests/ci/postgres-up.sh "$BUILD/bench-pg")"
	PGURL_BASE=${MIG_TEST_PG_URL%/*}
fi
if want mysql; then
	eval "$(tests/ci/mysql-up.sh "$BUILD/bench-mysql")"
	MYSQL_CLIENT="mariadb --no-defaults --protocol=tcp -h 127.0.0.1 -P $MIG_TEST_MYSQL_PORT -u root"
fi

for n in $NS; do
	"$ROOT"/tests/bench/gen.sh "$n" "$WORK/n$n"
done

fresh_pg() { psql -X -q -d "$MIG_TEST_PG_URL" -c "DROP DATABASE IF EXISTS bench WITH (FORCE)" -c "CREATE DATABASE bench"; }
fresh_my() { $MYSQL_CLIENT -e "DROP DATABASE IF EXISTS bench; CREATE DATABASE bench"; }
PG=${PGURL_BASE:-}/bench
MY=mysql://root@127.0.0.1:${MIG_TEST_MYSQL_PORT:-0}/bench

# js_floor URL OUT: the statements of the JS set on URL's engine, as
# --dry-run prints them, without its headers and the records
js_floor() {
	"$MIG" -m js -d "$1" migrate --dry-run 2>&1 | grep -v -e '^dry run: ' -e '^### MIGRATION ' -e 'pgmigrations.* (name, run_on) VALUES ' >"$2.tmp" ||
		{ echo "bench: the dry run for $2 failed" >&2; exit 1; }
	mv "$2.tmp" "$2"
}
if tool floor-js; then
	for n in $NS; do
		cd "$WORK/n$n"
		if want sqlite; then
			rm -f dry.db
			js_floor sqlite:dry.db floor-js-lite.body
			{ printf 'BEGIN;\n'; cat floor-js-lite.body; printf 'COMMIT;\n'; } >floor-js-lite.sql
		fi
		want postgres && fresh_pg >/dev/null 2>&1 && js_floor "$PG" floor-js-pg.sql
		want mysql && fresh_my && js_floor "$MY" floor-js-my.sql
	done
	cd "$ROOT"
fi
# floor-journal copies the state statements ours sends: check that a run
# of ours (--verbose prints them) sends exactly those, so that a change of
# the dialect cannot leave that copy measuring something else
state_lines() {
	grep -E '^(INSERT INTO `pgmigrations(_journal)?`|UPDATE `pgmigrations_journal`|DELETE FROM `pgmigrations_journal`)' |
		sed -e "s/'[^']*:[0-9]*:[0-9a-f]*'/'OWNER'/g" -e 's/;$//' | sort
}
if tool floor-journal && want mysql; then
	n=${NS%% *}
	fresh_my
	"$MIG" --verbose -m "$WORK/n$n/sql-my" -d "$MY" migrate 2>&1 | state_lines >"$WORK/ours.state" ||
		{ echo "bench: the --verbose run for floor-journal's check failed" >&2; exit 1; }
	state_lines <"$WORK/n$n/floor-my-journal.sql" >"$WORK/copy.state"
	if [ ! -s "$WORK/ours.state" ] || ! cmp -s "$WORK/ours.state" "$WORK/copy.state"; then
		echo "bench: floor-my-journal.sql (tests/bench/gen.sh) no longer holds the state statements ours sends:" >&2
		diff "$WORK/ours.state" "$WORK/copy.state" >"$WORK/state.diff" || true
		head -n 10 "$WORK/state.diff" >&2
		exit 1
	fi
fi

RESULTS=$OUT/results.tsv
printf 'round\tengine\tn\ttool\tms\n' >"$RESULTS"

# once ROUND ENGINE N TOOL SETUP RUN: time RUN once, after SETUP
once() {
	local round=$1 engine=$2 n=$3 name=$4 setup=$5 cmd=$6 t0 t1
	eval "$setup" >/dev/null 2>&1
	t0=${EPOCHREALTIME//[!0-9]/}
	eval "$cmd" >/dev/null 2>"$WORK/err" || { echo "bench: $engine $name (N=$n) failed: $(head -c 2000 "$WORK/err")" >&2; exit 1; }
	t1=${EPOCHREALTIME//[!0-9]/}
	# tenths of a millisecond: SQLite's runs at N=100 take about 10 ms,
	# where whole milliseconds would make a ratio of 1.11 out of 10 / 9
	local d=$(((t1 - t0) / 100))
	printf '%s\t%s\t%s\t%s\t%d.%d\n' "$round" "$engine" "$n" "$name" $((d / 10)) $((d % 10)) >>"$RESULTS"
}

start=$(date +%s)
for ((round = 1; round <= RUNS; round++)); do
	for n in $NS; do
		cd "$WORK/n$n"
		if want sqlite; then
			tool mig-js && once $round sqlite $n mig-js "rm -f b.db" "$MIG -q -m js -d sqlite:b.db migrate"
			tool mig-sql && once $round sqlite $n mig-sql "rm -f b.db" "$MIG -q -m sql-lite -d sqlite:b.db migrate"
			tool dbmate && once $round sqlite $n dbmate "rm -f d.db" "$DBMATE --no-dump-schema -d dbmate-lite -u sqlite:d.db up"
			tool floor && once $round sqlite $n floor "rm -f f.db" "sqlite3 -bail f.db <floor-lite.sql"
			tool floor-js && once $round sqlite $n floor-js "rm -f fj.db" "sqlite3 -bail fj.db <floor-js-lite.sql"
			if [ -n "${EXTRA:-}" ]; then
				once $round sqlite $n mig-js-rollback "rm -f b.db; $MIG -q -m js -d sqlite:b.db migrate" "$MIG -q -m js -d sqlite:b.db rollback 0"
				once $round sqlite $n mig-status "rm -f b.db; $MIG -q -m js -d sqlite:b.db migrate" "$MIG -q -m js -d sqlite:b.db status"
			fi
		fi
		if want postgres; then
			tool mig-js && once $round postgres $n mig-js fresh_pg "$MIG -q -m js -d $PG migrate"
			tool mig-sql && once $round postgres $n mig-sql fresh_pg "$MIG -q -m sql -d $PG migrate"
			tool node-pg-migrate-js && once $round postgres $n node-pg-migrate-js fresh_pg "DATABASE_URL=$PG $NPG -m js --no-verbose up"
			tool node-pg-migrate-sql && once $round postgres $n node-pg-migrate-sql fresh_pg "DATABASE_URL=$PG $NPG -m sql --no-verbose up"
			tool dbmate && once $round postgres $n dbmate fresh_pg "$DBMATE --no-dump-schema -d dbmate-pg -u '$PG?sslmode=disable' up"
			tool floor && once $round postgres $n floor fresh_pg "psql -X -q -1 -v ON_ERROR_STOP=1 -d $PG -f floor-pg.sql"
			tool floor-js && once $round postgres $n floor-js fresh_pg "psql -X -q -1 -v ON_ERROR_STOP=1 -d $PG -f floor-js-pg.sql"
			if [ -n "${EXTRA:-}" ]; then
				once $round postgres $n mig-js-rollback "fresh_pg; $MIG -q -m js -d $PG migrate" "$MIG -q -m js -d $PG rollback 0"
				once $round postgres $n node-pg-migrate-js-rollback "fresh_pg; DATABASE_URL=$PG $NPG -m js --no-verbose up" "DATABASE_URL=$PG $NPG -m js --no-verbose down 0"
				once $round postgres $n mig-status "fresh_pg; $MIG -q -m js -d $PG migrate" "$MIG -q -m js -d $PG status"
				once $round postgres $n mig-noop "fresh_pg; $MIG -q -m js -d $PG migrate" "$MIG -q -m js -d $PG migrate"
				once $round postgres $n node-pg-migrate-noop "fresh_pg; DATABASE_URL=$PG $NPG -m js --no-verbose up" "DATABASE_URL=$PG $NPG -m js --no-verbose up"
			fi
		fi
		if want mysql; then
			tool mig-js && once $round mysql $n mig-js fresh_my "$MIG -q -m js -d $MY migrate"
			tool mig-sql && once $round mysql $n mig-sql fresh_my "$MIG -q -m sql-my -d $MY migrate"
			tool dbmate && once $round mysql $n dbmate fresh_my "$DBMATE --no-dump-schema -d dbmate-my -u $MY up"
			tool floor && once $round mysql $n floor fresh_my "$MYSQL_CLIENT bench <floor-my.sql"
			tool floor-js && once $round mysql $n floor-js fresh_my "$MYSQL_CLIENT bench <floor-js-my.sql"
			tool floor-text && once $round mysql $n floor-text fresh_my "$MYSQL_CLIENT bench <floor-my-text.sql"
			tool floor-journal && once $round mysql $n floor-journal fresh_my "$MYSQL_CLIENT bench <floor-my-journal.sql"
			if [ -n "${EXTRA:-}" ]; then
				once $round mysql $n mig-js-rollback "fresh_my; $MIG -q -m js -d $MY migrate" "$MIG -q -m js -d $MY rollback 0"
				once $round mysql $n mig-noop "fresh_my; $MIG -q -m sql-my -d $MY migrate" "$MIG -q -m sql-my -d $MY migrate"
			fi
		fi
	done
	echo "bench: round $round of $RUNS done after $(($(date +%s) - start)) s" >&2
done
cd "$ROOT"
echo "bench: $RUNS round(s) of N = $NS on $ENGINES took $(($(date +%s) - start)) s" >&2

# peak ENGINE N TOOL SETUP RUN: RUN's peak resident set, after SETUP
RSSOUT=$OUT/rss.tsv
printf 'engine\tn\ttool\tkb\n' >"$RSSOUT"
peak() {
	local engine=$1 n=$2 name=$3 setup=$4 cmd=$5
	eval "$setup" >/dev/null 2>&1
	eval "/usr/bin/time -f %M -o '$WORK/rss' $cmd" >/dev/null 2>"$WORK/err" ||
		{ echo "bench: $engine $name (N=$n) failed: $(head -c 2000 "$WORK/err")" >&2; exit 1; }
	printf '%s\t%s\t%s\t%s\n' "$engine" "$n" "$name" "$(tail -n 1 "$WORK/rss")" >>"$RSSOUT"
}
if [ "${RSS:-1}" != 0 ]; then
	n=${NS##* }
	cd "$WORK/n$n"
	if want sqlite; then
		tool mig-js && peak sqlite $n mig-js "rm -f b.db" "$MIG -q -m js -d sqlite:b.db migrate"
		tool mig-sql && peak sqlite $n mig-sql "rm -f b.db" "$MIG -q -m sql-lite -d sqlite:b.db migrate"
		tool dbmate && peak sqlite $n dbmate "rm -f d.db" "$DBMATE --no-dump-schema -d dbmate-lite -u sqlite:d.db up"
		tool floor && peak sqlite $n floor "rm -f f.db" "sqlite3 -bail f.db <floor-lite.sql"
		tool floor-js && peak sqlite $n floor-js "rm -f fj.db" "sqlite3 -bail fj.db <floor-js-lite.sql"
	fi
	if want postgres; then
		tool mig-js && peak postgres $n mig-js fresh_pg "$MIG -q -m js -d $PG migrate"
		tool mig-sql && peak postgres $n mig-sql fresh_pg "$MIG -q -m sql -d $PG migrate"
		# node-pg-migrate's bin is a script: the peak is node's
		tool node-pg-migrate-js && peak postgres $n node-pg-migrate-js fresh_pg "env DATABASE_URL=$PG $NPG -m js --no-verbose up"
		tool dbmate && peak postgres $n dbmate fresh_pg "$DBMATE --no-dump-schema -d dbmate-pg -u '$PG?sslmode=disable' up"
		tool floor && peak postgres $n floor fresh_pg "psql -X -q -1 -v ON_ERROR_STOP=1 -d $PG -f floor-pg.sql"
	fi
	if want mysql; then
		tool mig-js && peak mysql $n mig-js fresh_my "$MIG -q -m js -d $MY migrate"
		tool mig-sql && peak mysql $n mig-sql fresh_my "$MIG -q -m sql-my -d $MY migrate"
		tool dbmate && peak mysql $n dbmate fresh_my "$DBMATE --no-dump-schema -d dbmate-my -u $MY up"
		tool floor && peak mysql $n floor fresh_my "$MYSQL_CLIENT bench <floor-my.sql"
	fi
	cd "$ROOT"
fi
python3 "$ROOT"/tests/bench/report.py "$RESULTS" "$OUT/results.md" "$OUT/scaling.svg" "$RSSOUT"
cat "$OUT/results.md"
