# Shared helpers for the integration tests (sourced by tests/integration/test_*.sh).
#
# ctest passes MIG_BIN (the built binary), MIG_SOURCE_DIR and MIG_BUILD_DIR.
# Each test script runs in a fresh temporary directory that is removed on exit.
# Exit 77 = skipped (ctest SKIP_RETURN_CODE), anything else non-zero = failed.

set -u

: "${MIG_BIN:?MIG_BIN must point at the migrations binary}"
: "${MIG_SOURCE_DIR:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"

TESTS_RUN=0
CURRENT_TEST=""

fail() {
	echo "FAIL${CURRENT_TEST:+ [$CURRENT_TEST]}: $*" >&2
	if [ -n "${LAST_OUT:-}" ] && [ -f "$LAST_OUT" ]; then
		echo "--- stdout of the last command:" >&2
		cat "$LAST_OUT" >&2
		echo "--- stderr of the last command:" >&2
		cat "$LAST_ERR" >&2
	fi
	exit 1
}

# A test section: prints its name so a failure says where it was.
t() {
	CURRENT_TEST="$1"
	TESTS_RUN=$((TESTS_RUN + 1))
	echo "--- $1"
}

assert_eq() { # expected actual [what]
	[ "$1" = "$2" ] || fail "${3:-value}: expected [$1], got [$2]"
}

assert_contains() { # haystack needle [what]
	case "$1" in
	*"$2"*) ;;
	*) fail "${3:-output} does not contain [$2]: [$1]" ;;
	esac
}

assert_not_contains() { # haystack needle [what]
	case "$1" in
	*"$2"*) fail "${3:-output} contains [$2]: [$1]" ;;
	*) ;;
	esac
}

# run CMD...: runs it, keeps stdout in $OUT, stderr in $ERR, status in $RC.
run() {
	LAST_OUT=$WORK/.last_out
	LAST_ERR=$WORK/.last_err
	set +e
	"$@" >"$LAST_OUT" 2>"$LAST_ERR"
	RC=$?
	set -e
	OUT=$(cat "$LAST_OUT")
	ERR=$(cat "$LAST_ERR")
}

# assert_exit CODE CMD...: runs CMD and checks its exit status.
assert_exit() {
	local want=$1
	shift
	run "$@"
	[ "$RC" = "$want" ] || fail "exit status of [$*]: expected $want, got $RC"
}

# table_migration I: migrations/170000000000<I>_t<I>.sql, a .sql migration
# that runs unchanged on every engine (CREATE TABLE t<I> / DROP TABLE t<I>).
table_migration() {
	mkdir -p migrations
	cat >"migrations/170000000000$1_t$1.sql" <<SQL
-- Up Migration
CREATE TABLE t$1 (id integer PRIMARY KEY);

-- Down Migration
DROP TABLE t$1;
SQL
}

# mig ARGS...: the binary under test.
mig() { "$MIG_BIN" "$@"; }

# strace_opens ARGS...: run the binary with ARGS under strace, its open
# calls left in $WORK/.strace; the run must succeed. (LeakSanitizer cannot
# run under ptrace: leaks are checked by the other runs.)
strace_opens() {
	command -v strace >/dev/null || fail "strace is needed to count the files a run opens (apt-get install strace)"
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
		strace -f -qq -e trace=open,openat -e signal=none -o "$WORK/.strace" "$MIG_BIN" "$@" >/dev/null 2>"$WORK/.strace_err" ||
		fail "$* under strace failed: $(cat "$WORK/.strace_err")"
}

# js_chain DIR N PREFIX: N JS migrations, 17000000000NN_<PREFIX><i>.js, each
# a table <PREFIX><i> (with a foreign key to the one before), an index on
# its name and a row 'row <i>': three operations, three steps.
js_chain() {
	rm -rf "$1"
	mkdir -p "$1"
	local i ref
	for ((i = 1; i <= $2; i++)); do
		ref=""
		[ "$i" -gt 1 ] && ref="prev_id: { type: 'integer', references: '$3$((i - 1))' },"
		cat >"$1/$((1700000000000 + i))_$3$i.js" <<EOF
exports.up = (pgm) => {
  pgm.createTable('$3$i', { id: 'id', name: { type: 'varchar(100)', notNull: true }, $ref });
  pgm.createIndex('$3$i', 'name');
  pgm.sql("INSERT INTO $3$i (name) VALUES ('row $i')");
};
exports.down = (pgm) => { pgm.dropTable('$3$i'); };
EOF
	done
}

# In CI a missing server is a failure; elsewhere the test is skipped.
skip_or_fail() {
	if [ "${CI:-}" = "true" ] || [ "${CI:-}" = "1" ]; then
		echo "FAIL: $* (CI is set: a missing server is a failure)" >&2
		exit 1
	fi
	echo "SKIP: $*" >&2
	exit 77
}

# on_exit CMD...: run CMD (one string, eval'd) when the script ends, before
# the work dir goes; hooks run newest first and their failures are ignored.
EXIT_HOOKS=()
on_exit() { EXIT_HOOKS=("$*" "${EXIT_HOOKS[@]}"); }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mig-it-XXXXXX")
cleanup_work() {
	local rc=$?
	local hook
	set +e
	for hook in "${EXIT_HOOKS[@]}"; do
		eval "$hook" >/dev/null 2>&1
	done
	cd /
	rm -rf "$WORK"
	if [ $rc -eq 0 ]; then
		echo "ok: $TESTS_RUN sections passed"
	fi
	exit $rc
}
trap cleanup_work EXIT
cd "$WORK"
set -e

# ---- PostgreSQL -------------------------------------------------------------
# The server comes from tests/ci/postgres-up.sh through MIG_TEST_PG_URL (a
# superuser URL) and MIG_TEST_PG_PASSWORD_URL / MIG_TEST_PG_PASSWORD (a role
# with a password). Each test works in its own scratch database, so tests
# can run in parallel.

# pg_require: skip (or fail in CI) when no server was given.
pg_require() {
	[ -n "${MIG_TEST_PG_URL:-}" ] ||
		skip_or_fail "MIG_TEST_PG_URL is not set (eval \"\$(tests/ci/postgres-up.sh)\" starts a server)"
	command -v psql >/dev/null 2>&1 || fail "psql is needed by the PostgreSQL tests (apt-get install postgresql-client)"
	psql -X -q -At -d "$MIG_TEST_PG_URL" -c 'SELECT 1' >/dev/null ||
		fail "the server at MIG_TEST_PG_URL does not answer"
}

# pg_url_with_db URL DB: URL with its database replaced (query kept).
pg_url_with_db() {
	local url=$1 db=$2 query=""
	case $url in *\?*)
		query="?${url#*\?}"
		url=${url%%\?*}
		;;
	esac
	local scheme=${url%%://*} rest=${url#*://}
	printf '%s://%s/%s%s\n' "$scheme" "${rest%%/*}" "$db" "$query"
}

# pg_scratch_db [VAR]: create an empty database mig_t_<random>, dropped
# when the script ends; sets VAR (default PG_DB) to its name and
# <VAR>_URL to a superuser URL for it.
pg_scratch_db() {
	local var=${1:-PG_DB} name
	name=mig_t_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
	psql -X -q -v ON_ERROR_STOP=1 -d "$MIG_TEST_PG_URL" -c "CREATE DATABASE $name" >/dev/null ||
		fail "cannot create the scratch database $name"
	on_exit "psql -X -q -d '$MIG_TEST_PG_URL' -c 'DROP DATABASE IF EXISTS $name WITH (FORCE)'"
	printf -v "$var" '%s' "$name"
	printf -v "${var}_URL" '%s' "$(pg_url_with_db "$MIG_TEST_PG_URL" "$name")"
}

# pgq URL SQL: run SQL, print the rows unaligned (| between cells).
pgq() {
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"
}

# A second client holding locks while the tool runs: a psql that reads its
# commands from a FIFO, kept open until pg_session_end (or the script ends).
#   pg_session_start NAME URL; pg_session_send NAME SQL; pg_session_end NAME
pg_session_start() {
	local fifo=$WORK/.session-$1 fd pid
	mkfifo "$fifo"
	psql -X -q -At -d "$2" <"$fifo" >"$fifo.out" 2>&1 &
	pid=$!
	exec {fd}>"$fifo"
	printf -v "PG_SESSION_FD_$1" '%s' "$fd"
	printf -v "PG_SESSION_PID_$1" '%s' "$pid"
	on_exit "kill $pid"
}

pg_session_send() {
	local var=PG_SESSION_FD_$1
	printf '%s\n' "$2" >&"${!var}"
}

pg_session_end() {
	local fdvar=PG_SESSION_FD_$1 pidvar=PG_SESSION_PID_$1
	# \q rather than EOF: background jobs started meanwhile hold the
	# FIFO's write end too
	printf '\\q\n' >&"${!fdvar}"
	eval "exec ${!fdvar}>&-"
	wait "${!pidvar}" 2>/dev/null || true
}

# npg_require: the oracle, node-pg-migrate 9.0.0 with pg, installed from npm
# once into $MIG_BUILD_DIR/npm-oracle (under a lock: tests run in
# parallel); sets NPG to its binary. Needs Node.js >= 20.11 and npm.
npg_require() {
	ORACLE=${MIG_BUILD_DIR:-$MIG_SOURCE_DIR/build}/npm-oracle
	NPG=$ORACLE/node_modules/.bin/node-pg-migrate
	command -v node >/dev/null && command -v npm >/dev/null ||
		skip_or_fail "Node.js and npm are needed for the node-pg-migrate oracle"
	node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 11) ? 0 : 1)' ||
		skip_or_fail "node-pg-migrate 9 needs Node.js >= 20.11 (have $(node --version))"
	mkdir -p "$ORACLE"
	local version='node -e "console.log(require(process.argv[1]).version)" "$ORACLE/node_modules/node-pg-migrate/package.json" 2>/dev/null'
	(
		flock 9
		if [ ! -x "$NPG" ] || [ "$(eval "$version")" != 9.0.0 ] || [ ! -d "$ORACLE/node_modules/pg" ]; then
			echo "    installing node-pg-migrate@9.0.0 and pg into $ORACLE"
			[ -f "$ORACLE/package.json" ] || printf '{ "name": "npm-oracle", "private": true }\n' >"$ORACLE/package.json"
			(cd "$ORACLE" && npm install --no-audit --no-fund --loglevel=error node-pg-migrate@9.0.0 pg >"$ORACLE/install.log" 2>&1)
		fi
	) 9>"$ORACLE/.lock" || skip_or_fail "npm install node-pg-migrate@9.0.0 pg failed: $(tail -5 "$ORACLE/install.log")"
	[ "$(eval "$version")" = 9.0.0 ] || fail "the oracle in $ORACLE is not node-pg-migrate 9.0.0"
}

# npg URL ARGS...: node-pg-migrate on the database URL (it reads DATABASE_URL).
# Migrations that require('node-pg-migrate') find it through NODE_PATH, as
# a project's own node_modules would provide it.
npg() {
	local url=$1
	shift
	DATABASE_URL=$url NODE_PATH=$ORACLE/node_modules "$NPG" "$@"
}

# pg_wait_for URL SQL [SECONDS]: poll until SQL returns t (default 10 s).
pg_wait_for() {
	local i
	for ((i = 0; i < ${3:-10} * 10; i++)); do
		[ "$(psql -X -q -At -d "$1" -c "$2" 2>/dev/null)" = t ] && return 0
		sleep 0.1
	done
	fail "timed out waiting for: $2"
}

# ---- MySQL/MariaDB ----------------------------------------------------------
# The server comes from tests/ci/mysql-up.sh through MIG_TEST_MYSQL_URL (root,
# no password), MIG_TEST_MYSQL_PORT and MIG_TEST_MYSQL_PASSWORD_URL /
# MIG_TEST_MYSQL_PASSWORD (user mig). Each test works in its own scratch
# database (a schema is a database on MySQL).

my_client() { command -v mariadb || command -v mysql; }

# my_require: skip (or fail in CI) when no server was given.
my_require() {
	[ -n "${MIG_TEST_MYSQL_URL:-}" ] ||
		skip_or_fail "MIG_TEST_MYSQL_URL is not set (eval \"\$(tests/ci/mysql-up.sh)\" starts a server)"
	MY_CLIENT=$(my_client) || fail "the mariadb client is needed by the MySQL tests (apt-get install mariadb-client)"
	myq "" "SELECT 1" >/dev/null || fail "the server at MIG_TEST_MYSQL_URL does not answer"
}

# myq DB SQL: run SQL as root over TCP, print rows tab-separated, raw, no headers.
myq() {
	"${MY_CLIENT:-$(my_client)}" --no-defaults --protocol=tcp -h 127.0.0.1 -P "$MIG_TEST_MYSQL_PORT" -u root \
		-N -B -r -e "$2" ${1:+"$1"}
}

# my_scratch_db [VAR]: create an empty database mig_t_<random>, dropped
# when the script ends; sets VAR (default MY_DB) to its name and <VAR>_URL
# to a root URL for it.
my_scratch_db() {
	local var=${1:-MY_DB} name
	name=mig_t_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
	myq "" "CREATE DATABASE $name CHARACTER SET utf8mb4" || fail "cannot create the scratch database $name"
	on_exit "myq '' 'DROP DATABASE IF EXISTS $name'"
	printf -v "$var" '%s' "$name"
	printf -v "${var}_URL" '%s' "mysql://root@127.0.0.1:$MIG_TEST_MYSQL_PORT/$name"
}

# my_wait_for DB SQL [SECONDS]: poll until SQL prints 1 (default 10 s).
my_wait_for() {
	local i
	for ((i = 0; i < ${3:-10} * 10; i++)); do
		[ "$(myq "$1" "$2" 2>/dev/null)" = 1 ] && return 0
		sleep 0.1
	done
	fail "timed out waiting for: $2"
}
