#!/usr/bin/env bash
# Start a throwaway MariaDB (the MySQL-compatible server Debian ships) for
# the tests and print the `export` lines they read:
#
#   eval "$(tests/ci/mysql-up.sh [DIR])"
#   ctest --test-dir build -L integration
#   tests/ci/mysql-down.sh            # uses MIG_TEST_MYSQL_DIR
#
# Installs nothing: the server must be there (Debian: apt-get install
# mariadb-server mariadb-client). The server lives in DIR (default
# $MIG_BUILD_DIR/mysql-test, else ${TMPDIR:-/tmp}/mig-mysql-test), with its
# own data directory (on /dev/shm when there is one; DIR/redirect says where),
# listens on 127.0.0.1 only, on a free port, with InnoDB's fsync off (the
# instance is throwaway), and ignores every /etc/mysql option file.
# Accounts (TCP):
#   - root, password-less: MIG_TEST_MYSQL_URL (the tests' administrator);
#   - mig with a random password holding '@' and '/' (so URLs must
#     percent-encode it): MIG_TEST_MYSQL_PASSWORD_URL, for wrong-password
#     and redaction tests.
# Running it again with the same DIR while the server is up only prints
# the exports again. The server runs as the `mysql` system user when
# started by root. Everything informative goes to stderr; stdout carries
# only the exports.
set -euo pipefail

log() { printf 'mysql-up: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

MARIADBD=$(command -v mariadbd || command -v mysqld || ls /usr/sbin/mariadbd 2>/dev/null || true)
INSTALL_DB=$(command -v mariadb-install-db || command -v mysql_install_db || true)
CLIENT=$(command -v mariadb || command -v mysql || true)
[ -n "$MARIADBD" ] && [ -n "$INSTALL_DB" ] && [ -n "$CLIENT" ] ||
	die "no MariaDB server found (apt-get install mariadb-server mariadb-client)"

BASE=${1:-}
if [ -z "$BASE" ]; then
	if [ -n "${MIG_BUILD_DIR:-}" ]; then BASE=$MIG_BUILD_DIR/mysql-test; else BASE=${TMPDIR:-/tmp}/mig-mysql-test; fi
fi
mkdir -p "$BASE"
BASE=$(cd "$BASE" && pwd)
STATE=$BASE/exports.sh

RUN_USER=$(id -un)
if [ "$(id -u)" = 0 ]; then
	id mysql >/dev/null 2>&1 || die "running as root needs a 'mysql' system user (apt-get install mariadb-server creates it)"
	RUN_USER=mysql
fi
as_run() { if [ "$RUN_USER" = mysql ] && [ "$(id -u)" = 0 ]; then runuser -u mysql -- "$@"; else "$@"; fi; }

# The server's files live on tmpfs (/dev/shm) when there is one: the
# instance is throwaway, and InnoDB creates a file per table. Else in DIR
# itself when the server user can write there (a build dir under /root is
# not), else in a private temporary directory. A directory outside DIR is
# remembered in DIR/redirect so that mysql-down.sh finds it.
HOME_DIR=$BASE/server
if [ -f "$BASE/redirect" ] && [ -d "$(cat "$BASE/redirect")" ]; then
	HOME_DIR=$(cat "$BASE/redirect")
else
	tmp=""
	if [ -d /dev/shm ] && [ -w /dev/shm ]; then
		tmp=/dev/shm
	elif [ "$RUN_USER" = mysql ]; then
		mkdir -p "$HOME_DIR"
		chown mysql: "$HOME_DIR"
		if ! as_run test -w "$HOME_DIR" || ! as_run test -x "$HOME_DIR"; then
			rmdir "$HOME_DIR" 2>/dev/null || true
			tmp=${TMPDIR:-/tmp}
		fi
	fi
	if [ -n "$tmp" ]; then
		HOME_DIR=$(mktemp -d "$tmp/mig-mysql-test.XXXXXX")
		chmod 755 "$HOME_DIR"
		[ "$RUN_USER" = mysql ] && chown mysql: "$HOME_DIR"
		printf '%s\n' "$HOME_DIR" >"$BASE/redirect"
	fi
fi
mkdir -p "$HOME_DIR"
DATA=$HOME_DIR/data
SOCK=$HOME_DIR/mysqld.sock
PIDF=$HOME_DIR/mysqld.pid
LOG=$HOME_DIR/error.log

alive() { kill -0 "$1" 2>/dev/null && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null; }
admin() { "$CLIENT" --no-defaults --protocol=socket -S "$SOCK" -u root "$@"; }

if [ -f "$STATE" ] && [ -s "$PIDF" ] && alive "$(cat "$PIDF")" && admin -N -e 'SELECT 1' >/dev/null 2>&1; then
	log "already running ($HOME_DIR)"
	cat "$STATE"
	exit 0
fi

if [ ! -d "$DATA/mysql" ]; then
	rm -rf "$DATA"
	mkdir -p "$DATA" "$HOME_DIR/tmp"
	[ "$RUN_USER" = mysql ] && chown -R mysql: "$HOME_DIR"
	"$INSTALL_DB" --no-defaults --datadir="$DATA" --tmpdir="$HOME_DIR/tmp" --user="$RUN_USER" \
		--auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
		--innodb-log-file-size=16M >"$HOME_DIR/install.log" 2>&1 ||
		die "mariadb-install-db failed: see $HOME_DIR/install.log"
fi
mkdir -p "$HOME_DIR/tmp"
[ "$RUN_USER" = mysql ] && chown -R mysql: "$HOME_DIR"
rm -f "$SOCK" "$PIDF"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

PORT=""
for attempt in $(seq 1 20); do
	cand=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
	port_busy "$cand" && continue
	# --no-defaults: ignore /etc/mysql/*.cnf entirely (Debian's socket path, bind address...).
	nohup "$MARIADBD" --no-defaults --user="$RUN_USER" \
		--datadir="$DATA" --tmpdir="$HOME_DIR/tmp" --socket="$SOCK" --pid-file="$PIDF" --log-error="$LOG" \
		--port="$cand" --bind-address=127.0.0.1 --skip-name-resolve \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
		--innodb-log-file-size=16M --innodb-buffer-pool-size=64M --max-connections=300 \
		--innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --innodb-flush-method=nosync \
		--sync-binlog=0 --performance-schema=OFF >/dev/null 2>&1 &
	i=0
	while [ $i -lt 300 ]; do
		admin -N -e 'SELECT 1' >/dev/null 2>&1 && { PORT=$cand; break; }
		[ -s "$PIDF" ] || [ $i -lt 50 ] || break
		if [ -s "$PIDF" ] && ! alive "$(cat "$PIDF")"; then break; fi
		i=$((i + 1))
		sleep 0.2
	done
	[ -n "$PORT" ] && break
	if [ -s "$PIDF" ] && alive "$(cat "$PIDF")"; then kill -KILL "$(cat "$PIDF")" 2>/dev/null || true; fi
	log "could not start on port $cand (attempt $attempt), trying another; see $LOG"
	sleep 0.5
done
[ -n "$PORT" ] || { tail -20 "$LOG" >&2 || true; die "the server did not start: see $LOG"; }

# A password with characters that need percent-encoding in a URL ('@', '/').
RAND=$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
PASSWORD="mig-${RAND}-p@ss/w"
ENCODED="mig-${RAND}-p%40ss%2Fw"
admin <<EOF
DELETE FROM mysql.global_priv WHERE User='' OR (User='root' AND Host NOT IN ('localhost','127.0.0.1'));
FLUSH PRIVILEGES;
CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS 'mig'@'127.0.0.1' IDENTIFIED BY '$PASSWORD';
ALTER USER 'mig'@'127.0.0.1' IDENTIFIED BY '$PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO 'mig'@'127.0.0.1';
CREATE DATABASE IF NOT EXISTS mig_test CHARACTER SET utf8mb4;
FLUSH PRIVILEGES;
EOF

cat >"$STATE" <<EOF
export MIG_TEST_MYSQL_URL='mysql://root@127.0.0.1:$PORT/mig_test'
export MIG_TEST_MYSQL_PASSWORD_URL='mysql://mig:$ENCODED@127.0.0.1:$PORT/mig_test'
export MIG_TEST_MYSQL_PASSWORD='$PASSWORD'
export MIG_TEST_MYSQL_PORT='$PORT'
export MIG_TEST_MYSQL_SOCKET='$SOCK'
export MIG_TEST_MYSQL_DIR='$BASE'
export MIG_TEST_MYSQL_PIDFILE='$PIDF'
export MIG_TEST_MYSQL_LOG='$LOG'
EOF
chmod 600 "$STATE"
log "$(admin -N -e 'SELECT VERSION()') on 127.0.0.1:$PORT ($HOME_DIR)"
cat "$STATE"
