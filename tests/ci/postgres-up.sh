#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the integration tests and print
# the `export` lines they read:
#
#   eval "$(tests/ci/postgres-up.sh [DIR])"
#   ctest --test-dir build -L integration
#   tests/ci/postgres-down.sh            # uses MIG_TEST_PG_DATA
#
# Installs nothing: the server binaries must be there (Debian:
# apt-get install postgresql). The cluster lives in DIR (default
# $MIG_BUILD_DIR/pg-test, else ${TMPDIR:-/tmp}/mig-pg-test; its data on
# /dev/shm when there is one, DIR/redirect says where), listens on
# 127.0.0.1 only, on a free port, with fsync off. Authentication:
#   - superuser `postgres`: trust on 127.0.0.1 (MIG_TEST_PG_URL);
#   - role `mig` (LOGIN CREATEDB) with a random password, scram-sha-256
#     (MIG_TEST_PG_PASSWORD_URL), so wrong-password tests are possible.
# Running it again with the same DIR while the server is up only prints
# the exports again. MIG_TEST_PG_LOG is the server log (tests that must
# see which statements reached the server turn log_statement on for their
# scratch database).
#
# PostgreSQL refuses to run as root: as root, the server runs as the
# `postgres` system user (which owns DIR); otherwise as the current user.
# Everything informative goes to stderr; stdout carries only the exports.
set -euo pipefail

log() { printf 'postgres-up: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

find_bindir() {
	if [ -n "${PG_BINDIR:-}" ]; then
		printf '%s\n' "$PG_BINDIR"
		return
	fi
	# Debian/Ubuntu keep server binaries out of PATH, one dir per major
	# version: take the highest.
	local d v best="" bestv=0
	for d in /usr/lib/postgresql/*/bin; do
		[ -x "$d/initdb" ] || continue
		v=${d#/usr/lib/postgresql/}
		v=${v%/bin}
		case $v in '' | *[!0-9]*) continue ;; esac
		if [ "$v" -gt "$bestv" ]; then
			best=$d
			bestv=$v
		fi
	done
	if [ -z "$best" ] && command -v initdb >/dev/null 2>&1; then
		best=$(dirname "$(command -v initdb)")
	fi
	[ -n "$best" ] || die "no PostgreSQL server binaries found (apt-get install postgresql, or set PG_BINDIR)"
	printf '%s\n' "$best"
}

BIN=$(find_bindir)
BASE=${1:-}
if [ -z "$BASE" ]; then
	if [ -n "${MIG_BUILD_DIR:-}" ]; then
		BASE=$MIG_BUILD_DIR/pg-test
	else
		BASE=${TMPDIR:-/tmp}/mig-pg-test
	fi
fi
mkdir -p "$BASE"
BASE=$(cd "$BASE" && pwd)

# As root, everything server-side runs as `postgres`.
if [ "$(id -u)" -eq 0 ]; then
	id postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' system user (apt-get install postgresql creates it)"
	as_pg() { runuser -u postgres -- "$@"; }
else
	as_pg() { "$@"; }
fi

# The cluster lives on tmpfs (/dev/shm) when there is one: it is
# throwaway, and on a disk the time of a run of many DDL statements
# depends on the page cache's writeback (1.1-3.5 s for the same 500
# migrations, against a steady 1.1 s on tmpfs). Else in DIR when the
# server user can write there (a build dir under /root is not), else in
# a private temporary directory. A directory outside DIR is remembered
# in DIR/redirect, so that a second start and postgres-down.sh DIR find it.
ORIG=$BASE
if [ -f "$ORIG/redirect" ] && [ -d "$(cat "$ORIG/redirect")" ]; then
	BASE=$(cat "$ORIG/redirect")
else
	tmp=""
	if [ -d /dev/shm ] && [ -w /dev/shm ]; then
		tmp=/dev/shm
	elif [ "$(id -u)" -eq 0 ]; then
		chown postgres: "$BASE"
		as_pg test -w "$BASE" || tmp=${TMPDIR:-/tmp}
	fi
	if [ -n "$tmp" ]; then
		BASE=$(mktemp -d "$tmp/mig-pg-test.XXXXXX")
		chmod 755 "$BASE"
		[ "$(id -u)" -ne 0 ] || chown postgres: "$BASE"
		printf '%s\n' "$BASE" >"$ORIG/redirect"
	fi
fi

DATA=$BASE/data
STATE=$BASE/exports.sh

print_exports() {
	cat "$STATE"
}

if [ -f "$STATE" ] && [ -f "$DATA/postmaster.pid" ] && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
	log "already running ($DATA)"
	print_exports
	exit 0
fi

if [ ! -s "$DATA/PG_VERSION" ]; then
	# C.UTF-8 where the C library has it, else plain C
	rm -rf "$DATA"
	if ! as_pg "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$BASE/initdb.log" 2>&1; then
		rm -rf "$DATA"
		as_pg "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C >"$BASE/initdb.log" 2>&1 ||
			die "initdb failed: see $BASE/initdb.log"
	fi
fi

# The password role first, then trust for everyone else, loopback only.
as_pg tee "$DATA/pg_hba.conf" >/dev/null <<'EOF'
# written by tests/ci/postgres-up.sh
host    all    mig    127.0.0.1/32    scram-sha-256
host    all    mig    ::1/128         scram-sha-256
host    all    all    127.0.0.1/32    trust
host    all    all    ::1/128         trust
EOF

port_busy() {
	# something accepts connections there
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

PORT=""
for attempt in $(seq 1 20); do
	cand=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
	port_busy "$cand" && continue
	# No Unix socket: a second cluster or the system one cannot clash there.
	if as_pg "$BIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" -w -t 60 \
		-o "-p $cand -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
		start >/dev/null 2>&1; then
		PORT=$cand
		break
	fi
	log "could not start on port $cand (attempt $attempt), trying another"
done
[ -n "$PORT" ] || die "the server did not start: see $BASE/server.log"

PSQL=$BIN/psql
command -v psql >/dev/null 2>&1 && PSQL=$(command -v psql)
SUPER_URL="postgres://postgres@127.0.0.1:$PORT/postgres"

# A password with characters that need percent-encoding in a URL ('@', '/').
RAND=$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
PASSWORD="mig-${RAND}-p@ss/w"
ENCODED="mig-${RAND}-p%40ss%2Fw"
"$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$SUPER_URL" >/dev/null <<EOF
SET password_encryption = 'scram-sha-256';
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mig') THEN
    CREATE ROLE mig LOGIN CREATEDB;
  END IF;
END \$\$;
ALTER ROLE mig PASSWORD '$PASSWORD';
EOF

cat >"$STATE" <<EOF
export MIG_TEST_PG_URL='$SUPER_URL'
export MIG_TEST_PG_PASSWORD_URL='postgres://mig:$ENCODED@127.0.0.1:$PORT/postgres'
export MIG_TEST_PG_PASSWORD='$PASSWORD'
export MIG_TEST_PG_PORT='$PORT'
export MIG_TEST_PG_BINDIR='$BIN'
export MIG_TEST_PG_DATA='$DATA'
export MIG_TEST_PG_LOG='$BASE/server.log'
EOF
chmod 600 "$STATE"
log "PostgreSQL $("$PSQL" -X -Atc 'SHOW server_version' -d "$SUPER_URL") on 127.0.0.1:$PORT ($DATA)"
print_exports
