#!/usr/bin/env bash
# Stop the PgBouncer tests/ci/pgbouncer-up.sh started and delete its files.
#   tests/ci/pgbouncer-down.sh [--keep] [DIR]
# DIR is the directory given to pgbouncer-up.sh; default
# $MIG_TEST_PGBOUNCER_DIR. PgBouncer is stopped by its pid file only (never
# by process name), and only when its command line names DIR's config file:
# SIGTERM (PgBouncer's immediate shutdown: the pooler is throwaway), then
# SIGKILL after 10 s.
# --keep stops it but leaves the files (its log) in place.
set -euo pipefail

keep=false
if [ "${1:-}" = "--keep" ]; then keep=true; shift; fi
BASE=${1:-${MIG_TEST_PGBOUNCER_DIR:-}}
[ -n "$BASE" ] || { echo "pgbouncer-down: give the directory or set MIG_TEST_PGBOUNCER_DIR" >&2; exit 2; }
[ -d "$BASE" ] || { echo "pgbouncer-down: no $BASE; nothing to do" >&2; exit 0; }
BASE=$(cd "$BASE" && pwd)
HOME_DIR=$BASE
[ -f "$BASE/redirect" ] && HOME_DIR=$(cat "$BASE/redirect")
CONF=$HOME_DIR/pgbouncer.ini
PIDF=$HOME_DIR/pgbouncer.pid

alive() { kill -0 "$1" 2>/dev/null && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null; }
ours() {
	local cmdline
	cmdline=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true)
	case $cmdline in *"$CONF "*) true ;; *) false ;; esac
}
if [ -s "$PIDF" ]; then
	pid=$(cat "$PIDF")
	if alive "$pid" && ours "$pid"; then
		kill -TERM "$pid" 2>/dev/null || true
		i=0
		while alive "$pid" && [ $i -lt 100 ]; do
			i=$((i + 1))
			sleep 0.1
		done
		alive "$pid" && ours "$pid" && kill -KILL "$pid" 2>/dev/null || true
	fi
fi
if ! $keep; then
	if [ "$HOME_DIR" != "$BASE" ]; then
		case $HOME_DIR in /|/tmp|/dev/shm|"") ;; *) rm -rf "$HOME_DIR" ;; esac
	fi
	rm -f "$BASE/exports.sh" "$BASE/redirect" "$BASE/pgbouncer.ini" "$BASE/pgbouncer.pid" "$BASE/pgbouncer.log" \
		"$BASE/userlist.txt" "$BASE/hba.conf" "$BASE/start.log" "$BASE/holder.out" "$BASE/release"
	rmdir "$BASE" 2>/dev/null || true
fi
echo "pgbouncer-down: stopped ($HOME_DIR)" >&2
