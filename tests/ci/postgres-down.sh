#!/usr/bin/env bash
# Stop the cluster tests/ci/postgres-up.sh started and delete it.
#   tests/ci/postgres-down.sh [--keep] [DIR]
# DIR is the directory given to postgres-up.sh, or the cluster's data dir
# inside it; default $MIG_TEST_PG_DATA (printed by postgres-up.sh).
# --keep stops the server but leaves the files (logs) in place.
set -euo pipefail

keep=false
if [ "${1:-}" = "--keep" ]; then
	keep=true
	shift
fi
DATA=${1:-${MIG_TEST_PG_DATA:-}}
if [ -z "$DATA" ]; then
	echo "postgres-down: give the data dir or set MIG_TEST_PG_DATA" >&2
	exit 2
fi
REDIRECT=""
if [ -f "$DATA/redirect" ]; then
	# postgres-up.sh had to put the cluster elsewhere
	REDIRECT=$DATA/redirect
	DATA=$(cat "$DATA/redirect")
fi
[ -f "$DATA/data/PG_VERSION" ] && DATA=$DATA/data
if [ ! -f "$DATA/PG_VERSION" ]; then
	echo "postgres-down: $DATA is not a PostgreSQL data dir; nothing to do" >&2
	exit 0
fi
BIN=${MIG_TEST_PG_BINDIR:-}
if [ -z "$BIN" ]; then
	for d in /usr/lib/postgresql/*/bin; do
		[ -x "$d/pg_ctl" ] && BIN=$d
	done
	[ -n "$BIN" ] || BIN=$(dirname "$(command -v pg_ctl)")
fi
if [ "$(id -u)" -eq 0 ]; then
	as_pg() { runuser -u postgres -- "$@"; }
else
	as_pg() { "$@"; }
fi
if [ -f "$DATA/postmaster.pid" ]; then
	as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 ||
		as_pg "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
fi
if ! $keep; then
	base=$(dirname "$DATA")
	rm -rf "$DATA"
	rm -f "$base/exports.sh" "$base/server.log" "$base/initdb.log"
	rmdir "$base" 2>/dev/null || true
	[ -z "$REDIRECT" ] || rm -f "$REDIRECT"
fi
echo "postgres-down: stopped ($DATA)" >&2
