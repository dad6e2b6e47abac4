#!/usr/bin/env bash
# Start a throwaway 3-node MariaDB Galera cluster for the tests and print
# the `export` lines they read:
#
#   eval "$(tests/ci/galera-up.sh [DIR])"
#   ctest --test-dir build -L integration
#   tests/ci/galera-down.sh            # uses MIG_TEST_GALERA_DIR
#
# Installs nothing: the servers must be there (Debian: apt-get install
# mariadb-server mariadb-client galera-4 rsync iproute2; the rsync state
# transfer script needs `ss`). The cluster lives in DIR (default
# $MIG_BUILD_DIR/galera-test, else ${TMPDIR:-/tmp}/mig-galera-test); the
# nodes' files go to tmpfs (/dev/shm) when there is one, remembered in
# DIR/redirect, else to DIR/server (or a private temporary directory when
# the server user cannot write DIR). Node N has nodeN/{data,tmp,mysqld.sock,
# mysqld.pid,launch.pid,error.log} there, its own SQL, group (gmcast), IST
# and SST ports, all on 127.0.0.1 and all free at the start, below the
# ephemeral port range (so no outgoing connection can take one first); no
# file, socket or port is shared with tests/ci/mysql-up.sh's server or with
# a cluster of another DIR. InnoDB's fsync is off (the cluster is
# throwaway) and every /etc/mysql option file is ignored.
#
# Node 1 bootstraps the cluster (--wsrep-new-cluster) and gets the accounts
# and the database `mig_galera`; nodes 2 and 3 then join it one after the
# other with an rsync state transfer (SST). Accounts, as with mysql-up.sh:
# root, password-less, over TCP on 127.0.0.1 (and over the sockets).
# It returns once every node reports wsrep_cluster_size = 3 and Synced, and
# answers root over TCP; on a failure it prints the tail of every node's
# error log, stops the nodes it started and exits non-zero (the files stay
# for a look; galera-down.sh removes them).
#
# Exports: MIG_TEST_GALERA_URL1..3 (mysql://root@127.0.0.1:PORT/mig_galera),
# MIG_TEST_GALERA_PORT1..3, MIG_TEST_GALERA_LOG1..3 (the error logs),
# MIG_TEST_GALERA_DIR (DIR).
# Running it again with the same DIR while the cluster is healthy only
# prints the exports again; a cluster that is not (a node gone, not
# Synced) is stopped and started afresh. The nodes run as the `mysql`
# system user when started by root. MIG_GALERA_WAIT_S (default 90) bounds
# the wait for each node. Everything informative goes to stderr; stdout
# carries only the exports.
set -euo pipefail

log() { printf 'galera-up: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

HERE=$(cd "$(dirname "$0")" && pwd)
MARIADBD=$(command -v mariadbd || command -v mysqld || ls /usr/sbin/mariadbd 2>/dev/null || true)
INSTALL_DB=$(command -v mariadb-install-db || command -v mysql_install_db || true)
CLIENT=$(command -v mariadb || command -v mysql || true)
PROVIDER=${MIG_GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}
WAIT=${MIG_GALERA_WAIT_S:-90}
[ -n "$MARIADBD" ] && [ -n "$INSTALL_DB" ] && [ -n "$CLIENT" ] ||
	die "no MariaDB server found (apt-get install mariadb-server mariadb-client)"
[ -f "$PROVIDER" ] || die "no Galera provider at $PROVIDER (apt-get install galera-4)"
command -v rsync >/dev/null 2>&1 || die "rsync is needed for the state transfer (apt-get install rsync)"
command -v ss >/dev/null 2>&1 || die "ss is needed by the rsync state transfer script (apt-get install iproute2)"
command -v wsrep_sst_rsync >/dev/null 2>&1 || die "no wsrep_sst_rsync (it comes with mariadb-server)"

BASE=${1:-}
if [ -z "$BASE" ]; then
	if [ -n "${MIG_BUILD_DIR:-}" ]; then BASE=$MIG_BUILD_DIR/galera-test; else BASE=${TMPDIR:-/tmp}/mig-galera-test; fi
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

# Where the nodes' files live (see mysql-up.sh): tmpfs when there is one,
# else DIR itself when the server user can write there, else a private
# temporary directory; a directory outside DIR is remembered in DIR/redirect.
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
		HOME_DIR=$(mktemp -d "$tmp/mig-galera-test.XXXXXX")
		chmod 755 "$HOME_DIR"
		printf '%s\n' "$HOME_DIR" >"$BASE/redirect"
	fi
fi
mkdir -p "$HOME_DIR"
[ "$RUN_USER" = mysql ] && chown mysql: "$HOME_DIR"

alive() { kill -0 "$1" 2>/dev/null && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null; }
# node_pid N: the pid of node N when it is alive and its command line names
# its data directory (a reused pid is never taken for it)
node_pid() {
	local f pid cmdline
	for f in "$HOME_DIR/node$1/launch.pid" "$HOME_DIR/node$1/mysqld.pid"; do
		[ -s "$f" ] || continue
		pid=$(cat "$f")
		alive "$pid" || continue
		cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)
		case $cmdline in *"--datadir=$HOME_DIR/node$1/data "*) printf '%s\n' "$pid"; return 0 ;; esac
	done
	return 1
}
# sqlq N SQL: one query on node N as root over its socket, raw rows
sqlq() { "$CLIENT" --no-defaults --protocol=socket -S "$HOME_DIR/node$1/mysqld.sock" -u root -N -B -e "$2" 2>/dev/null; }
STATUS_SQL="SELECT concat(
  (SELECT variable_value FROM information_schema.global_status WHERE variable_name = 'wsrep_cluster_size'), ' ',
  (SELECT variable_value FROM information_schema.global_status WHERE variable_name = 'wsrep_local_state_comment'))"
# healthy: every node is ours, alive, in a cluster of 3 and Synced
healthy() {
	local n
	for n in 1 2 3; do
		node_pid "$n" >/dev/null || return 1
		[ "$(sqlq "$n" "$STATUS_SQL" || true)" = "3 Synced" ] || return 1
	done
}

if [ -f "$STATE" ] && healthy; then
	log "already running ($HOME_DIR)"
	cat "$STATE"
	exit 0
fi

# Whatever is left of an earlier cluster in DIR (a node gone, an interrupted
# start) is stopped and wiped: a throwaway cluster is simply made again.
if [ -e "$HOME_DIR/node1" ] || [ -e "$HOME_DIR/node2" ] || [ -e "$HOME_DIR/node3" ]; then
	log "restarting the cluster of $BASE from scratch"
	"$HERE/galera-down.sh" --keep "$BASE" 2>/dev/null || true
fi
rm -rf "$HOME_DIR/node1" "$HOME_DIR/node2" "$HOME_DIR/node3" "$HOME_DIR/ports" "$HOME_DIR/install.log" "$STATE"

# 12 distinct ports (SQL, gmcast, IST, SST for each node) that nothing uses
# now, nor any other cluster's recorded ones (its SST and IST ports are
# bound only while a node joins), below the ephemeral range.
read -r elo _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || elo=32768
PLO=10000 PHI=$elo
[ "$PHI" -gt 20000 ] || { PLO=$((elo > 1024 ? 61000 : 20000)); PHI=65000; }
used=" $({
	awk 'FNR > 1 { n = split($2, a, ":"); print a[n] }' /proc/net/tcp /proc/net/tcp6 2>/dev/null |
		while read -r hex; do echo $((16#$hex)); done
	cat /dev/shm/mig-galera-test.*/ports /dev/shm/galera.*/ports "${TMPDIR:-/tmp}"/mig-galera-test.*/ports 2>/dev/null |
		tr -cs '0-9' '\n' || true
} | sort -u | tr '\n' ' ') "
PORTS=()
while [ ${#PORTS[@]} -lt 12 ]; do
	p=$((PLO + (RANDOM * 32768 + RANDOM) % (PHI - PLO)))
	case $used in *" $p "*) continue ;; esac
	used="$used$p "
	PORTS+=("$p")
done
for n in 1 2 3; do
	i=$(((n - 1) * 4))
	eval "SQLP$n=${PORTS[i]} GCP$n=${PORTS[i + 1]} ISTP$n=${PORTS[i + 2]} SSTP$n=${PORTS[i + 3]}"
done
# a name of its own too: a node never joins another DIR's cluster
CLUSTER_NAME=mig_galera_$(printf '%s' "$HOME_DIR" | md5sum | cut -c1-8)
CLUSTER="gcomm://127.0.0.1:$GCP1,127.0.0.1:$GCP2,127.0.0.1:$GCP3"
printf '%s\n' "sql $SQLP1 $SQLP2 $SQLP3 gmcast $GCP1 $GCP2 $GCP3 ist $ISTP1 $ISTP2 $ISTP3 sst $SSTP1 $SSTP2 $SSTP3" >"$HOME_DIR/ports"

# fail MSG: the tails of the error logs, stop what was started, exit 1
fail() {
	trap - INT TERM
	log "$*"
	local n
	for n in 1 2 3; do
		if [ -s "$HOME_DIR/node$n/error.log" ]; then
			printf -- '--- node%s error log (%s), last lines:\n' "$n" "$HOME_DIR/node$n/error.log" >&2
			tail -n 20 "$HOME_DIR/node$n/error.log" | cut -c1-400 >&2 || true
		fi
	done
	# a node in a state transfer ignores SIGTERM: SIGKILL after 5 s
	MIG_GALERA_STOP_S=5 "$HERE/galera-down.sh" --keep "$BASE" >&2 || true
	log "the cluster did not start; its files are in $HOME_DIR (tests/ci/galera-down.sh $BASE removes them)"
	exit 1
}
trap 'fail "interrupted"' INT TERM

for n in 1 2 3; do mkdir -p "$HOME_DIR/node$n/data" "$HOME_DIR/node$n/tmp"; done
[ "$RUN_USER" = mysql ] && chown -R mysql: "$HOME_DIR"
"$INSTALL_DB" --no-defaults --datadir="$HOME_DIR/node1/data" --tmpdir="$HOME_DIR/node1/tmp" --user="$RUN_USER" \
	--auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
	--innodb-log-file-size=16M >"$HOME_DIR/install.log" 2>&1 ||
	fail "mariadb-install-db failed: $(tail -n 5 "$HOME_DIR/install.log")"
[ "$RUN_USER" = mysql ] && chown -R mysql: "$HOME_DIR"

# start_node N [OPTION...]
start_node() {
	local n=$1 sq gc ist sst N=$HOME_DIR/node$1
	shift
	eval "sq=\$SQLP$n gc=\$GCP$n ist=\$ISTP$n sst=\$SSTP$n"
	nohup "$MARIADBD" --no-defaults --user="$RUN_USER" \
		--datadir="$N/data" --tmpdir="$N/tmp" --socket="$N/mysqld.sock" --pid-file="$N/mysqld.pid" --log-error="$N/error.log" \
		--port="$sq" --bind-address=127.0.0.1 --skip-name-resolve \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
		--innodb-log-file-size=16M --innodb-buffer-pool-size=64M --max-connections=200 \
		--innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --innodb-flush-method=nosync \
		--sync-binlog=0 --performance-schema=OFF \
		--binlog-format=ROW --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2 \
		--wsrep-on=ON --wsrep-provider="$PROVIDER" --wsrep-cluster-name="$CLUSTER_NAME" \
		--wsrep-cluster-address="$CLUSTER" --wsrep-node-name="node$n" \
		--wsrep-node-address="127.0.0.1:$gc" --wsrep-node-incoming-address="127.0.0.1:$sq" \
		--wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$gc;ist.recv_addr=127.0.0.1:$ist;gcache.size=32M" \
		--wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:$sst" \
		"$@" >"$N/stdout.log" 2>&1 &
	echo $! >"$N/launch.pid"
}

# wait_synced N: until node N answers over its socket and says Synced
wait_synced() {
	local n=$1 i pid
	pid=$(cat "$HOME_DIR/node$n/launch.pid")
	for ((i = 0; i < WAIT * 5; i++)); do
		alive "$pid" || fail "node$n (pid $pid) exited while starting"
		[ "$(sqlq "$n" "SELECT variable_value FROM information_schema.global_status WHERE variable_name = 'wsrep_local_state_comment'" || true)" = Synced ] && return 0
		sleep 0.2
	done
	fail "node$n was not Synced within $WAIT s"
}

t0=$SECONDS
start_node 1 --wsrep-new-cluster
wait_synced 1
# Accounts and the database on node 1, before the others join: the state
# transfer copies them (mysql.global_priv is not an InnoDB table, so a
# DELETE on it would not replicate afterwards).
sqlq 1 "SELECT 1" >/dev/null || fail "node1 does not answer root over its socket"
"$CLIENT" --no-defaults --protocol=socket -S "$HOME_DIR/node1/mysqld.sock" -u root >"$HOME_DIR/accounts.log" 2>&1 <<'EOF' ||
DELETE FROM mysql.global_priv WHERE User='' OR (User='root' AND Host NOT IN ('localhost','127.0.0.1'));
FLUSH PRIVILEGES;
CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
CREATE DATABASE IF NOT EXISTS mig_galera CHARACTER SET utf8mb4;
FLUSH PRIVILEGES;
EOF
	fail "setting up the accounts failed: $(tail -n 3 "$HOME_DIR/accounts.log")"
log "node1 Synced after $((SECONDS - t0)) s"
start_node 2
wait_synced 2
log "node2 Synced after $((SECONDS - t0)) s"
start_node 3
wait_synced 3
log "node3 Synced after $((SECONDS - t0)) s"

ok=0
for ((i = 0; i < WAIT * 5; i++)); do
	ok=1
	for n in 1 2 3; do [ "$(sqlq "$n" "$STATUS_SQL" || true)" = "3 Synced" ] || ok=0; done
	[ $ok = 1 ] && break
	sleep 0.2
done
[ $ok = 1 ] || fail "wsrep_cluster_size did not reach 3 with every node Synced within $WAIT s"
for n in 1 2 3; do
	eval "sq=\$SQLP$n"
	[ "$("$CLIENT" --no-defaults --protocol=tcp -h 127.0.0.1 -P "$sq" -u root -N -B -e "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'mig_galera'" 2>&1)" = 1 ] ||
		fail "node$n does not answer root over TCP on 127.0.0.1:$sq, or has no database mig_galera"
done
trap - INT TERM

cat >"$STATE" <<EOF
export MIG_TEST_GALERA_URL1='mysql://root@127.0.0.1:$SQLP1/mig_galera'
export MIG_TEST_GALERA_URL2='mysql://root@127.0.0.1:$SQLP2/mig_galera'
export MIG_TEST_GALERA_URL3='mysql://root@127.0.0.1:$SQLP3/mig_galera'
export MIG_TEST_GALERA_PORT1='$SQLP1'
export MIG_TEST_GALERA_PORT2='$SQLP2'
export MIG_TEST_GALERA_PORT3='$SQLP3'
export MIG_TEST_GALERA_LOG1='$HOME_DIR/node1/error.log'
export MIG_TEST_GALERA_LOG2='$HOME_DIR/node2/error.log'
export MIG_TEST_GALERA_LOG3='$HOME_DIR/node3/error.log'
export MIG_TEST_GALERA_DIR='$BASE'
EOF
chmod 600 "$STATE"
log "$(sqlq 1 'SELECT VERSION()'), 3 nodes Synced on 127.0.0.1:$SQLP1,$SQLP2,$SQLP3 in $((SECONDS - t0)) s ($HOME_DIR)"
cat "$STATE"
