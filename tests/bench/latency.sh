#!/usr/bin/env bash
# PostgreSQL or MariaDB over a link with latency: N migrations
# (tests/bench/gen.sh) applied through tests/bench/delay_proxy.py (DELAY ms
# each way), by `migrations` (MIG, and MIG_OLD to compare with another
# build), and by the engine's own client (the floor: psql -1 -f, or the
# mariadb client, each one round trip per statement), each on a fresh
# database. Prints wall time and the round trips each made (sendto calls
# counted by strace, when it is installed).
#
#   MIG=build/migrations [MIG_OLD=old/migrations] [ENGINE=mysql] N=100 DELAY=5 tests/bench/latency.sh
#
# Why a proxy: `tc qdisc add dev lo root netem delay 5ms` inside a network
# namespace is the usual way, but needs the sch_netem kernel module (absent
# where this was measured, see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
N=${N:-100}
DELAY=${DELAY:-5}
: "${MIG:?MIG must point at a migrations binary}"
ENGINE=${ENGINE:-postgres}
WORK=$(mktemp -d)
PROXY=""
cleanup() {
	[ -n "$PROXY" ] && kill "$PROXY" 2>/dev/null || true
	if [ "$ENGINE" = mysql ]; then
		"$ROOT"/tests/ci/mysql-down.sh "$WORK/my" >/dev/null 2>&1 || true
	else
		"$ROOT"/tests/ci/postgres-down.sh "$WORK/pg" >/dev/null 2>&1 || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT
if [ "$ENGINE" = mysql ]; then
	eval "$(tests/ci/mysql-up.sh "$WORK/my")"
	SERVER_PORT=$MIG_TEST_MYSQL_PORT
else
	eval "$(tests/ci/postgres-up.sh "$WORK/pg")"
	SERVER_PORT=$MIG_TEST_PG_PORT
fi
"$ROOT"/tests/bench/gen.sh "$N" "$WORK/set"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 "$ROOT"/tests/bench/delay_proxy.py "$PORT" 127.0.0.1 "$SERVER_PORT" "$DELAY" &
PROXY=$!
for _ in $(seq 1 100); do
	python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $PORT), 1)" 2>/dev/null && break
	sleep 0.1
done
if [ "$ENGINE" = mysql ]; then
	SLOW=mysql://root@127.0.0.1:$PORT/bench
	fresh() { mariadb --no-defaults --protocol=tcp -h 127.0.0.1 -P "$MIG_TEST_MYSQL_PORT" -u root -e "DROP DATABASE IF EXISTS bench; CREATE DATABASE bench"; }
	SQLDIR=sql-my
	TITLE=MariaDB
else
	SLOW=postgres://postgres@127.0.0.1:$PORT/bench
	fresh() { psql -X -q -d "$MIG_TEST_PG_URL" -c "DROP DATABASE IF EXISTS bench WITH (FORCE)" -c "CREATE DATABASE bench" >/dev/null 2>&1; }
	SQLDIR=sql
	TITLE=PostgreSQL
fi
# one NAME CMD...: time it; count its sendto calls
one() {
	local name=$1 t0 t1 trips=""
	shift
	fresh
	t0=$(date +%s%N)
	if command -v strace >/dev/null; then
		strace -f -qq -c -e trace=sendto -o "$WORK/st" "$@" >/dev/null
		trips=$(awk '$NF == "sendto" {print $4}' "$WORK/st")
	else
		"$@" >/dev/null
	fi
	t1=$(date +%s%N)
	printf '| %s | %d | %s |\n' "$name" $(((t1 - t0) / 1000000)) "${trips:-?}"
}
cd "$WORK/set"
echo "| $N migrations, $TITLE, +${DELAY} ms each way | ms | round trips (sendto) |"
echo "| --- | ---: | ---: |"
one "migrations, JS" "$MIG" -q -m js -d "$SLOW" migrate
one "migrations, .sql" "$MIG" -q -m "$SQLDIR" -d "$SLOW" migrate
if [ -n "${MIG_OLD:-}" ]; then
	one "MIG_OLD, JS" "$MIG_OLD" -q -m js -d "$SLOW" migrate
	one "MIG_OLD, .sql" "$MIG_OLD" -q -m "$SQLDIR" -d "$SLOW" migrate
fi
if [ "$ENGINE" = mysql ]; then
	one "mariadb client (floor)" sh -c "mariadb --no-defaults --protocol=tcp -h 127.0.0.1 -P $PORT -u root bench < floor-my.sql"
else
	one "psql -1 -f (floor)" psql -X -q -1 -v ON_ERROR_STOP=1 -d "$SLOW" -f floor-pg.sql
fi
