#!/usr/bin/env bash
# Start a throwaway PgBouncer in front of the PostgreSQL that
# tests/ci/postgres-up.sh started, and print the `export` lines the tests
# read:
#
#   eval "$(tests/ci/postgres-up.sh [PGDIR])"
#   eval "$(tests/ci/pgbouncer-up.sh [DIR])"
#   ctest --test-dir build -L integration
#   tests/ci/pgbouncer-down.sh            # uses MIG_TEST_PGBOUNCER_DIR
#
# Installs nothing (Debian: apt-get install pgbouncer postgresql-client).
# Reads the server from the environment postgres-up.sh exports:
# MIG_TEST_PG_URL (required; its user and database are the pooler's URL's
# too), MIG_TEST_PG_PORT, and MIG_TEST_PG_PASSWORD_URL/MIG_TEST_PG_PASSWORD
# (the role `mig`, optional). PgBouncer lives in DIR (default
# $MIG_BUILD_DIR/pgbouncer-test, else ${TMPDIR:-/tmp}/mig-pgbouncer-test;
# a private temporary directory, remembered in DIR/redirect, when the
# server user cannot write DIR), listens on 127.0.0.1 only, on a free port,
# with no Unix socket, and is configured as a pooler in production often is:
#   - pool_mode = transaction: a server connection belongs to a client for
#     one transaction only (session state such as SET, advisory locks,
#     prepared statements and LISTEN does not follow the client);
#   - default_pool_size = 8, max_client_conn = 200: concurrent clients get
#     server connections of their own;
#   - [databases] * = host=... port=...: every database, including those the
#     tests create later, is reachable through it;
#   - server_reset_query left at its default (not used in transaction mode);
#   - ignore_startup_parameters = extra_float_digits,options,search_path.
# Authentication mirrors postgres-up.sh's (an HBA file): `mig` with its
# password (scram-sha-256; PgBouncer logs in to the server with the password
# it keeps in DIR's auth file), everyone else trusted on 127.0.0.1. Roles
# the tests create later are looked up in the server (auth_user = the
# superuser of MIG_TEST_PG_URL, the default auth_query on pg_shadow).
# Before it returns it checks a query through it and that transaction
# pooling is in effect: a client that sits idle after a query does not keep
# its server connection (a second client gets the same backend pid), and a
# client inside a transaction does (a second client gets another one).
#
# Exports: MIG_TEST_PGBOUNCER_URL (MIG_TEST_PG_URL with the pooler's port),
# MIG_TEST_PGBOUNCER_PASSWORD_URL (the same for MIG_TEST_PG_PASSWORD_URL,
# when given), MIG_TEST_PGBOUNCER_ADMIN_URL (the admin console, database
# `pgbouncer`: SHOW POOLS, SHOW CLIENTS...), MIG_TEST_PGBOUNCER_PORT,
# MIG_TEST_PGBOUNCER_LOG, MIG_TEST_PGBOUNCER_DIR.
# Running it again with the same DIR while it is up only prints the exports
# again. PgBouncer refuses to run as root: as root, it runs as the
# `postgres` system user. Everything informative goes to stderr; stdout
# carries only the exports.
set -euo pipefail

log() { printf 'pgbouncer-up: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

PGBOUNCER=$(command -v pgbouncer || ls /usr/sbin/pgbouncer 2>/dev/null || true)
[ -n "$PGBOUNCER" ] || die "no pgbouncer found (apt-get install pgbouncer)"
PSQL=$(command -v psql || true)
[ -n "$PSQL" ] || die "no psql found (apt-get install postgresql-client)"
[ -n "${MIG_TEST_PG_URL:-}" ] ||
	die "MIG_TEST_PG_URL is not set: start PostgreSQL first (eval \"\$(tests/ci/postgres-up.sh)\")"

# URL parts: scheme://[user@]host:port/db[?query]
url_hostport() { local r=${1#*://}; r=${r%%/*}; printf '%s\n' "${r##*@}"; }
# url_with_port URL HOST PORT: URL with its host and port replaced
url_with_port() {
	local scheme=${1%%://*} r=${1#*://} hp user=""
	hp=${r%%/*}
	case $hp in *@*) user=${hp%@*}@ ;; esac
	printf '%s://%s%s:%s%s\n' "$scheme" "$user" "$2" "$3" "${r#"$hp"}"
}
PG_HOSTPORT=$(url_hostport "$MIG_TEST_PG_URL")
PG_HOST=${PG_HOSTPORT%:*}
PG_PORT=${MIG_TEST_PG_PORT:-}
if [ -z "$PG_PORT" ]; then
	case $PG_HOSTPORT in *:*) PG_PORT=${PG_HOSTPORT##*:} ;; *) PG_PORT=5432 ;; esac
fi
case $PG_PORT in '' | *[!0-9]*) die "cannot tell the server's port from MIG_TEST_PG_URL/MIG_TEST_PG_PORT" ;; esac
[ -n "$PG_HOST" ] && [ "$PG_HOST" != "$PG_HOSTPORT" ] || PG_HOST=127.0.0.1
"$PSQL" -X -q -At -d "$MIG_TEST_PG_URL" -c 'SELECT 1' >/dev/null 2>&1 ||
	die "the PostgreSQL server at MIG_TEST_PG_URL ($PG_HOST:$PG_PORT) does not answer"

BASE=${1:-}
if [ -z "$BASE" ]; then
	if [ -n "${MIG_BUILD_DIR:-}" ]; then BASE=$MIG_BUILD_DIR/pgbouncer-test; else BASE=${TMPDIR:-/tmp}/mig-pgbouncer-test; fi
fi
mkdir -p "$BASE"
BASE=$(cd "$BASE" && pwd)
STATE=$BASE/exports.sh

# As root, PgBouncer runs as `postgres`; it must reach its directory.
HOME_DIR=$BASE
if [ "$(id -u)" -eq 0 ]; then
	id postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' system user (apt-get install postgresql creates it)"
	as_pg() { runuser -u postgres -- "$@"; }
	chown postgres: "$BASE"
	if ! as_pg test -w "$BASE" || ! as_pg test -x "$BASE"; then
		# e.g. a build dir under /root (remembered there, so that
		# pgbouncer-down.sh DIR finds it)
		if [ -f "$BASE/redirect" ] && [ -d "$(cat "$BASE/redirect")" ]; then
			HOME_DIR=$(cat "$BASE/redirect")
		else
			HOME_DIR=$(mktemp -d "${TMPDIR:-/tmp}/mig-pgbouncer-test.XXXXXX")
			chmod 755 "$HOME_DIR"
			chown postgres: "$HOME_DIR"
			printf '%s\n' "$HOME_DIR" >"$BASE/redirect"
		fi
		log "the postgres user cannot write to $BASE; using $HOME_DIR"
	fi
else
	as_pg() { "$@"; }
fi
CONF=$HOME_DIR/pgbouncer.ini
PIDF=$HOME_DIR/pgbouncer.pid
LOG=$HOME_DIR/pgbouncer.log

alive() { kill -0 "$1" 2>/dev/null && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null; }
# ours PID: a pgbouncer whose command line names our config file
ours() {
	local cmdline
	cmdline=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true)
	case $cmdline in *"$CONF "*) true ;; *) false ;; esac
}
pq() { "$PSQL" -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

if [ -f "$STATE" ] && [ -s "$PIDF" ] && alive "$(cat "$PIDF")" && ours "$(cat "$PIDF")"; then
	# shellcheck disable=SC1090
	url=$(. "$STATE" && printf '%s\n' "$MIG_TEST_PGBOUNCER_URL")
	if [ "$(pq "$url" 'SELECT 1' 2>/dev/null || true)" = 1 ]; then
		log "already running ($HOME_DIR)"
		cat "$STATE"
		exit 0
	fi
fi
# a pooler left from an earlier run of this DIR that does not answer
if [ -s "$PIDF" ] && alive "$(cat "$PIDF")" && ours "$(cat "$PIDF")"; then
	"$(dirname "$0")/pgbouncer-down.sh" --keep "$BASE" 2>/dev/null || true
fi
rm -f "$STATE" "$PIDF"

# The auth file: the users PgBouncer knows; `mig`'s password in plain text,
# which PgBouncer needs to log in to the server with SCRAM.
PW=${MIG_TEST_PG_PASSWORD:-}
case $PW in *'"'*) die "MIG_TEST_PG_PASSWORD holds a double quote, which this script does not write into the auth file" ;; esac
r=${MIG_TEST_PG_URL#*://}
r=${r%%/*}
PG_USER=postgres
case $r in *@*) PG_USER=${r%@*}; PG_USER=${PG_USER%%:*} ;; esac
{
	printf '"%s" ""\n' "$PG_USER"
	[ -n "$PW" ] && [ "$PG_USER" != mig ] && printf '"mig" "%s"\n' "$PW"
	true
} | as_pg tee "$HOME_DIR/userlist.txt" >/dev/null
as_pg chmod 600 "$HOME_DIR/userlist.txt"
{
	echo "# written by tests/ci/pgbouncer-up.sh (mirrors postgres-up.sh's pg_hba.conf)"
	if [ -n "$PW" ]; then
		echo "host all mig 127.0.0.1/32 scram-sha-256"
	fi
	echo "host all all 127.0.0.1/32 trust"
} | as_pg tee "$HOME_DIR/hba.conf" >/dev/null

# A port that no socket uses now (listening or connected: an outgoing
# connection's local port cannot be bound either), below the ephemeral
# range, so that no outgoing connection takes it before PgBouncer binds it.
read -r elo _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || elo=32768
PLO=10000 PHI=$elo
[ "$PHI" -gt 20000 ] || { PLO=$((elo > 1024 ? 61000 : 20000)); PHI=65000; }
# (the list is read first: with pipefail, grep -q closing the pipe early
# would fail the test)
port_used() {
	local used
	used=" $(awk 'FNR > 1 { n = split($2, a, ":"); print a[n] }' /proc/net/tcp /proc/net/tcp6 2>/dev/null |
		while read -r hex; do printf '%d ' $((16#$hex)); done) "
	case $used in *" $1 "*) true ;; *) false ;; esac
}

write_conf() {
	as_pg tee "$CONF" >/dev/null <<EOF
; written by tests/ci/pgbouncer-up.sh
[databases]
* = host=$PG_HOST port=$PG_PORT

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $1
unix_socket_dir =
logfile = $LOG
pidfile = $PIDF
auth_type = hba
auth_hba_file = $HOME_DIR/hba.conf
auth_file = $HOME_DIR/userlist.txt
auth_user = $PG_USER
admin_users = $PG_USER
stats_users = $PG_USER
pool_mode = transaction
default_pool_size = 8
min_pool_size = 0
reserve_pool_size = 0
max_client_conn = 200
ignore_startup_parameters = extra_float_digits,options,search_path
server_login_retry = 1
EOF
}

PORT=""
for attempt in $(seq 1 20); do
	cand=$((PLO + (RANDOM * 32768 + RANDOM) % (PHI - PLO)))
	if port_used "$cand"; then continue; fi
	write_conf "$cand"
	rm -f "$PIDF"
	# -d: it forks into the background and writes its pid file
	if as_pg "$PGBOUNCER" -d -q "$CONF" >>"$HOME_DIR/start.log" 2>&1; then
		i=0
		while [ $i -lt 100 ]; do
			if [ -s "$PIDF" ] && alive "$(cat "$PIDF")" &&
				[ "$(pq "postgres://$PG_USER@127.0.0.1:$cand/pgbouncer" 'SHOW VERSION' 2>/dev/null || true)" != "" ]; then
				PORT=$cand
				break
			fi
			[ $i -lt 20 ] || [ -s "$PIDF" ] || break
			grep -q "cannot listen on 127.0.0.1:$cand:" "$LOG" 2>/dev/null && break
			if [ -s "$PIDF" ] && ! alive "$(cat "$PIDF")"; then break; fi
			i=$((i + 1))
			sleep 0.1
		done
	fi
	[ -n "$PORT" ] && break
	if [ -s "$PIDF" ] && alive "$(cat "$PIDF")" && ours "$(cat "$PIDF")"; then kill -KILL "$(cat "$PIDF")" 2>/dev/null || true; fi
	log "could not start on port $cand (attempt $attempt), trying another; see $LOG"
done
[ -n "$PORT" ] || { tail -n 20 "$LOG" "$HOME_DIR/start.log" >&2 2>/dev/null || true; die "PgBouncer did not start: see $LOG"; }

URL=$(url_with_port "$MIG_TEST_PG_URL" 127.0.0.1 "$PORT")
PW_URL=""
[ -n "${MIG_TEST_PG_PASSWORD_URL:-}" ] && [ -n "$PW" ] && PW_URL=$(url_with_port "$MIG_TEST_PG_PASSWORD_URL" 127.0.0.1 "$PORT")
ADMIN_URL="postgres://$PG_USER@127.0.0.1:$PORT/pgbouncer"
stop_fail() {
	log "$*"
	tail -n 20 "$LOG" >&2 2>/dev/null || true
	"$(dirname "$0")/pgbouncer-down.sh" --keep "$BASE" 2>/dev/null || true
	exit 1
}

# Checks: a query through it, its pool mode, and transaction pooling at work.
[ "$(pq "$URL" 'SELECT 1' 2>&1)" = 1 ] || stop_fail "SELECT 1 through $URL failed: $(pq "$URL" 'SELECT 1' 2>&1 || true)"
if [ -n "$PW_URL" ]; then
	[ "$(pq "$PW_URL" "SELECT current_user" 2>&1)" = mig ] || stop_fail "the mig role cannot log in through PgBouncer: $(pq "$PW_URL" 'SELECT 1' 2>&1 || true)"
fi
mode=$(pq "$ADMIN_URL" 'SHOW CONFIG' 2>&1 | awk -F'|' '$1 == "pool_mode" { print $2 }' || true)
[ "$mode" = transaction ] || stop_fail "SHOW CONFIG says pool_mode = [$mode], not transaction"
# holder SQL: a client that runs SQL (printing the backend pid) and then
# keeps its connection, idle, until $HOME_DIR/release exists (at most 10 s)
backend_of_second_client() {
	local out=$HOME_DIR/holder.out pid b i
	rm -f "$HOME_DIR/release" "$out"
	"$PSQL" -X -q -At -d "$URL" -c "$1" -c "\\! for i in \$(seq 200); do [ -e '$HOME_DIR/release' ] && break; sleep 0.05; done" >"$out" 2>&1 &
	pid=$!
	for ((i = 0; i < 100; i++)); do [ -s "$out" ] && break; sleep 0.05; done
	b=$(pq "$URL" 'SELECT pg_backend_pid()' 2>&1 || true)
	touch "$HOME_DIR/release"
	wait "$pid" || true
	printf '%s %s\n' "$(head -n 1 "$out")" "$b"
	rm -f "$HOME_DIR/release" "$out"
}
read -r a b < <(backend_of_second_client 'SELECT pg_backend_pid()')
case $a$b in *[!0-9]* | '') stop_fail "the pooling check got no backend pids: [$a] [$b]" ;; esac
[ "$a" = "$b" ] || stop_fail "transaction pooling is not in effect: an idle client kept its server connection (backend $a; the next client got $b)"
read -r a b < <(backend_of_second_client 'BEGIN; SELECT pg_backend_pid();')
case $a$b in *[!0-9]* | '') stop_fail "the pooling check got no backend pids: [$a] [$b]" ;; esac
[ "$a" != "$b" ] || stop_fail "a client inside a transaction shared its server connection (backend $a) with another client"

cat >"$STATE" <<EOF
export MIG_TEST_PGBOUNCER_URL='$URL'
export MIG_TEST_PGBOUNCER_PASSWORD_URL='$PW_URL'
export MIG_TEST_PGBOUNCER_ADMIN_URL='$ADMIN_URL'
export MIG_TEST_PGBOUNCER_PORT='$PORT'
export MIG_TEST_PGBOUNCER_LOG='$LOG'
export MIG_TEST_PGBOUNCER_DIR='$BASE'
EOF
chmod 600 "$STATE"
log "$(pq "$ADMIN_URL" 'SHOW VERSION' 2>/dev/null | head -n 1) on 127.0.0.1:$PORT in front of $PG_HOST:$PG_PORT, pool_mode=transaction ($HOME_DIR)"
cat "$STATE"
