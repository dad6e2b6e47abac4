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

# mig ARGS...: the binary under test.
mig() { "$MIG_BIN" "$@"; }

# In CI a missing server is a failure; elsewhere the test is skipped.
skip_or_fail() {
	if [ "${CI:-}" = "true" ] || [ "${CI:-}" = "1" ]; then
		echo "FAIL: $* (CI is set: a missing server is a failure)" >&2
		exit 1
	fi
	echo "SKIP: $*" >&2
	exit 77
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mig-it-XXXXXX")
cleanup_work() {
	local rc=$?
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
