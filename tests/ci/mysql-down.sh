#!/usr/bin/env bash
# Stop the server tests/ci/mysql-up.sh started and delete it.
#   tests/ci/mysql-down.sh [--keep] [DIR]
# DIR is the directory given to mysql-up.sh; default $MIG_TEST_MYSQL_DIR.
# The server is stopped by its pid file only (never by process name).
# --keep stops the server but leaves the files (logs) in place.
set -euo pipefail

keep=false
if [ "${1:-}" = "--keep" ]; then keep=true; shift; fi
BASE=${1:-${MIG_TEST_MYSQL_DIR:-}}
[ -n "$BASE" ] || { echo "mysql-down: give the directory or set MIG_TEST_MYSQL_DIR" >&2; exit 2; }
[ -d "$BASE" ] || { echo "mysql-down: no $BASE; nothing to do" >&2; exit 0; }
HOME_DIR=$BASE/server
[ -f "$BASE/redirect" ] && HOME_DIR=$(cat "$BASE/redirect")
PIDF=$HOME_DIR/mysqld.pid
alive() { kill -0 "$1" 2>/dev/null && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null; }
if [ -s "$PIDF" ]; then
	pid=$(cat "$PIDF")
	# only a server whose command line names our data directory (read
	# first: with pipefail, grep -q closing the pipe early fails the test)
	cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)
	if alive "$pid" && case $cmdline in *"$HOME_DIR/data"*) true ;; *) false ;; esac; then
		kill -TERM "$pid"
		i=0
		while alive "$pid" && [ $i -lt 300 ]; do i=$((i + 1)); sleep 0.1; done
		alive "$pid" && kill -KILL "$pid"
	fi
fi
if ! $keep; then
	case $HOME_DIR in /|/tmp|/dev/shm|"") ;; *) rm -rf "$HOME_DIR" ;; esac
	rm -f "$BASE/exports.sh" "$BASE/redirect"
	rmdir "$BASE" 2>/dev/null || true
fi
echo "mysql-down: stopped ($HOME_DIR)" >&2
