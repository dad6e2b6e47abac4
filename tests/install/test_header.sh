#!/usr/bin/env bash
# The public headers on their own (src/include/public/ and the generated
# version header), as a program outside the tree sees them:
#  - they include only standard headers and each other ("migrations/..."),
#    never a name that another installed header can shadow (the old
#    "error.h" resolved to glibc's);
#  - each one compiles alone as C11 -Wpedantic -Werror and as C++11;
#  - header_test.c, as C and as C++, links against the shared library
#    with unmangled names (extern "C") and runs.
# Environment (tests/CMakeLists.txt): MIG_SOURCE_DIR, MIG_PUBLIC_INCLUDE,
# MIG_PUBLIC_GENERATED, MIG_SHARED_LIB, MIG_TEST_CFLAGS (the build's
# sanitizer flags, which a program linking that library needs too).
set -euo pipefail
: "${MIG_SOURCE_DIR:?}" "${MIG_PUBLIC_INCLUDE:?}" "${MIG_PUBLIC_GENERATED:?}" "${MIG_SHARED_LIB:?}"
CC=${CC:-cc}
CXX=${CXX:-g++}
for tool in "$CC" "$CXX" nm; do
	command -v "$tool" >/dev/null || { echo "test_header: $tool is missing (tests/run-all.sh installs it)" >&2; exit 1; }
done
read -r -a extra <<<"${MIG_TEST_CFLAGS:-}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mig-header.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
bad() { fail=$((fail + 1)); echo "not ok - $1" >&2; }

inc=(-I"$MIG_PUBLIC_INCLUDE" -I"$MIG_PUBLIC_GENERATED")
headers=(migrations.h)
for h in "$MIG_PUBLIC_INCLUDE"/migrations/*.h "$MIG_PUBLIC_GENERATED"/migrations/*.h; do
	headers+=("migrations/$(basename "$h")")
done
[ "${#headers[@]}" -ge 6 ] || bad "found only ${#headers[@]} public headers"

# 1. what they include
std='stdbool.h|stddef.h|stdint.h'
for h in "$MIG_PUBLIC_INCLUDE/migrations.h" "$MIG_PUBLIC_INCLUDE"/migrations/*.h "$MIG_PUBLIC_GENERATED"/migrations/*.h; do
	stray=$(grep -E '^[[:space:]]*#[[:space:]]*include' "$h" | grep -Ev "#[[:space:]]*include (\"migrations/[a-z_]+\.h\"|<($std)>)" || true)
	if [ -n "$stray" ]; then bad "$(basename "$h") includes: $stray"; else ok "$(basename "$h") includes only standard and migrations/ headers"; fi
done

# 2. each header alone, in both languages, with every warning an error
for h in "${headers[@]}"; do
	printf '#include <%s>\n#include <%s>\nint mig_header_test_unit;\n' "$h" "$h" >"$tmp/one.c"
	if "$CC" -std=c11 -Wall -Wextra -Wpedantic -Werror -Wstrict-prototypes -Wmissing-prototypes "${inc[@]}" -fsyntax-only "$tmp/one.c" 2>"$tmp/err"; then
		ok "$h compiles alone as C11 -Wpedantic -Werror (and twice)"
	else bad "$h as C11: $(cat "$tmp/err")"; fi
	if "$CXX" -std=c++11 -Wall -Wextra -Wpedantic -Werror "${inc[@]}" -fsyntax-only -x c++ "$tmp/one.c" 2>"$tmp/err"; then
		ok "$h compiles alone as C++11 -Wpedantic -Werror"
	else bad "$h as C++: $(cat "$tmp/err")"; fi
done

# 3. a program in each language, linked and run
mkdir "$tmp/empty"
libdir=$(dirname "$MIG_SHARED_LIB")
src=$MIG_SOURCE_DIR/tests/install/header_test.c
if "$CC" -std=c11 -Wall -Wextra -Wpedantic -Werror "${inc[@]}" "${extra[@]}" -c "$src" -o "$tmp/c.o" 2>"$tmp/err" &&
	"$CC" "${extra[@]}" "$tmp/c.o" "$MIG_SHARED_LIB" -Wl,-rpath,"$libdir" -o "$tmp/c_test" 2>"$tmp/err"; then
	ok "header_test.c compiles and links as C11"
	if out=$("$tmp/c_test" "$tmp/empty" 2>&1) && [[ $out == "ok "* ]]; then ok "C program runs: $out"; else bad "C program: $out"; fi
else bad "header_test.c as C: $(cat "$tmp/err")"; fi
if "$CXX" -std=c++11 -Wall -Wextra -Wpedantic -Werror "${inc[@]}" "${extra[@]}" -x c++ -c "$src" -o "$tmp/cxx.o" 2>"$tmp/err" &&
	"$CXX" "${extra[@]}" "$tmp/cxx.o" "$MIG_SHARED_LIB" -Wl,-rpath,"$libdir" -o "$tmp/cxx_test" 2>"$tmp/err"; then
	ok "header_test.c compiles and links as C++11"
	if out=$("$tmp/cxx_test" "$tmp/empty" 2>&1) && [[ $out == "ok "* ]]; then ok "C++ program runs: $out"; else bad "C++ program: $out"; fi
else bad "header_test.c as C++: $(cat "$tmp/err")"; fi
# extern "C": the C++ object asks for the plain C names, none mangled
if [ -f "$tmp/cxx.o" ]; then
	undef=$(nm -u "$tmp/cxx.o" | awk '{print $2}')
	if grep -qx 'mig_session_open' <<<"$undef" && ! grep -q '_Z[0-9]*mig_' <<<"$undef"; then
		ok "C++ calls reach unmangled mig_ symbols"
	else bad "C++ object's undefined symbols: $(grep mig_ <<<"$undef" | tr '\n' ' ')"; fi
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
