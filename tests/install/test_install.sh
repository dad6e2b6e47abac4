#!/usr/bin/env bash
# `cmake --install` as a packager or an embedding program uses it:
#  - a fresh configure with -DBUILD_TESTING=OFF where cmocka cannot be
#    found (and the old -DMIG_BUILD_TESTS=OFF spelling), build, install
#    into a temporary prefix;
#  - the installed tree: the binary, libmigrations.so.0 (SONAME) and .a,
#    the headers, migrations.pc, the CMake package, the man page, LICENSE;
#  - only mig_ symbols exported by the shared library;
#  - examples/apply.c built against the installed tree three ways
#    (pkg-config; find_package + migrations::migrations; the static
#    library through COMPONENTS static) and run on SQLite files: the
#    tables exist afterwards, a second run is a no-op, and the installed
#    CLI sees what the library applied.
# Environment (tests/CMakeLists.txt): MIG_SOURCE_DIR.
set -euo pipefail
: "${MIG_SOURCE_DIR:?}"
for tool in cmake cc pkg-config sqlite3 readelf nm groff; do
	command -v "$tool" >/dev/null || { echo "test_install: $tool is missing (tests/run-all.sh installs it)" >&2; exit 1; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mig-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
bad() { fail=$((fail + 1)); echo "not ok - $1" >&2; }
# a step that must work for the rest to mean anything
must() {
	local what=$1
	shift
	if "$@" >"$tmp/log" 2>&1; then ok "$what"; else
		bad "$what"
		tail -40 "$tmp/log" >&2
		echo "$pass passed, $fail failed"
		exit 1
	fi
}

# pkg-config sees every module of this machine but cmocka: configuring
# without tests must not need it.
mkdir "$tmp/pc"
IFS=: read -r -a pcdirs <<<"$(pkg-config --variable pc_path pkg-config)"
for d in "${pcdirs[@]}"; do
	for f in "$d"/*.pc; do
		[ -e "$f" ] && [ "$(basename "$f")" != cmocka.pc ] && [ ! -e "$tmp/pc/$(basename "$f")" ] && ln -s "$f" "$tmp/pc/"
	done
done
export PKG_CONFIG_LIBDIR=$tmp/pc
pkg-config --exists cmocka && bad "cmocka still visible to pkg-config"

must "configure with -DBUILD_TESTING=OFF and no cmocka" \
	cmake -S "$MIG_SOURCE_DIR" -B "$tmp/build" -DCMAKE_BUILD_TYPE=Debug -DMIG_WERROR=ON -DBUILD_TESTING=OFF
grep -q '^BUILD_TESTING:BOOL=OFF' "$tmp/build/CMakeCache.txt" && ok "BUILD_TESTING=OFF in the cache" || bad "BUILD_TESTING not OFF"
grep -qi cmocka "$tmp/build/CMakeCache.txt" && bad "the cache mentions cmocka" || ok "cmocka never looked for"
must "configure with the old spelling -DMIG_BUILD_TESTS=OFF" \
	cmake -S "$MIG_SOURCE_DIR" -B "$tmp/alias" -DMIG_BUILD_TESTS=OFF
grep -q '^BUILD_TESTING:BOOL=OFF' "$tmp/alias/CMakeCache.txt" && ok "MIG_BUILD_TESTS=OFF sets BUILD_TESTING=OFF" ||
	bad "MIG_BUILD_TESTS=OFF did not turn BUILD_TESTING off"
rm -rf "$tmp/alias"
must "build" nice cmake --build "$tmp/build" -j2
prefix=$tmp/prefix
must "install into a temporary prefix" cmake --install "$tmp/build" --prefix "$prefix"
unset PKG_CONFIG_LIBDIR

# what is installed, where GNUInstallDirs put it
libdir=$(dirname "$(find "$prefix" -name 'libmigrations.so.0' | head -1)")
[ -d "$libdir" ] && [ "$libdir" != . ] || { bad "no libmigrations.so.0 installed"; libdir=$prefix/lib; }
version=$("$prefix/bin/migrations" --version | awk '{print $2}')
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] && ok "installed binary runs: migrations $version" || bad "migrations --version: '$version'"
for f in bin/migrations include/migrations.h include/migrations/common.h include/migrations/errors.h \
	include/migrations/session.h include/migrations/status.h include/migrations/version.h \
	share/man/man1/migrations.1 share/doc/migrations/LICENSE; do
	[ -f "$prefix/$f" ] && ok "installed $f" || bad "missing $f"
done
for f in "libmigrations.so.$version" libmigrations.a pkgconfig/migrations.pc \
	cmake/migrations/migrationsConfig.cmake cmake/migrations/migrationsConfigVersion.cmake; do
	[ -f "$libdir/$f" ] && ok "installed ${libdir#"$prefix"/}/$f" || bad "missing ${libdir#"$prefix"/}/$f"
done
[ "$(readlink "$libdir/libmigrations.so.0")" = "libmigrations.so.$version" ] && ok "libmigrations.so.0 -> libmigrations.so.$version" ||
	bad "libmigrations.so.0 points to '$(readlink "$libdir/libmigrations.so.0")'"
[ "$(readlink "$libdir/libmigrations.so")" = libmigrations.so.0 ] && ok "libmigrations.so -> libmigrations.so.0" || bad "libmigrations.so link"
grep -q 'MIT License' "$prefix/share/doc/migrations/LICENSE" && ok "LICENSE is the MIT licence" || bad "LICENSE text"
# (outputs are read whole before grep: with pipefail, grep -q quitting at
# its first match can kill the writer with SIGPIPE and fail the pipeline)
internal=$(find "$prefix/include" -name 'mig_features.h' -o -name 'error.h')
[ -n "$internal" ] && bad "an internal header is installed: $internal" || ok "no internal header installed"

so=$libdir/libmigrations.so.$version
soname=$(readelf -d "$so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = libmigrations.so.0 ] && ok "SONAME is libmigrations.so.0" || bad "SONAME is '$soname'"
exported=$(nm -D --defined-only "$so" | awk '{print $3}')
others=$(grep -v '^mig_' <<<"$exported" || true)
[ -z "$others" ] && ok "only mig_ symbols exported ($(wc -l <<<"$exported"))" || bad "exported besides mig_: $(tr '\n' ' ' <<<"$others")"
for sym in mig_session_open mig_session_migrate mig_session_status mig_free mig_version mig_error_last mig_error_get_line; do
	grep -qx "$sym" <<<"$exported" && ok "exports $sym" || bad "does not export $sym"
done
# the internal layer stays inside
for sym in mig_migrate mig_options mig_error_set mig_driver_open mig__load_all; do
	grep -qx "$sym" <<<"$exported" && bad "exports internal $sym" || ok "keeps $sym internal"
done

# the static library: every global it defines is prefixed too
globals=$(nm --defined-only -g "$libdir/libmigrations.a" 2>/dev/null | awk 'NF == 3 {print $3}' | sort -u)
others=$(grep -v '^mig_' <<<"$globals" || true)
[ -n "$globals" ] && [ -z "$others" ] && ok "libmigrations.a defines only mig_ globals" || bad "libmigrations.a defines: $(head -5 <<<"$others" | tr '\n' ' ')"

# the man page: renders without warnings, matches the binary's version,
# and names every option of --help
man=$prefix/share/man/man1/migrations.1
warn=$(groff -man -ww -z "$man" 2>&1 || true)
[ -z "$warn" ] && ok "man page renders without warnings" || bad "man page: $warn"
grep -q "^\.TH MIGRATIONS 1 .*\"migrations $version\"" "$man" && ok "man page is of version $version" || bad "man page .TH is not of version $version"
missing=""
for o in $("$prefix/bin/migrations" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
	grep -qF -- "${o//-/\\-}" "$man" || missing="$missing $o"
done
[ -z "$missing" ] && ok "man page has every option of --help" || bad "man page lacks:$missing"

# examples/apply.c against the installed tree
export PKG_CONFIG_PATH=$libdir/pkgconfig
[ "$(pkg-config --modversion migrations)" = "$version" ] && ok "pkg-config --modversion migrations = $version" || bad "pkg-config modversion"
# shellcheck disable=SC2046
must "apply.c built with pkg-config --cflags --libs migrations" \
	cc -std=c11 -Wall -Wextra -Wpedantic -Werror "$MIG_SOURCE_DIR/examples/apply.c" \
	$(pkg-config --cflags --libs migrations) -Wl,-rpath,"$libdir" -o "$tmp/apply-pc"
must "apply.c built with find_package(migrations) + migrations::migrations" \
	cmake -S "$MIG_SOURCE_DIR/examples" -B "$tmp/ex" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_FLAGS="-Wall -Wextra -Werror"
must "  ... build" cmake --build "$tmp/ex"
must "apply.c built with find_package(migrations COMPONENTS static)" \
	cmake -S "$MIG_SOURCE_DIR/examples" -B "$tmp/ex-static" -DCMAKE_PREFIX_PATH="$prefix" -DMIG_EXAMPLES_STATIC=ON
must "  ... build" cmake --build "$tmp/ex-static"
deps=$(ldd "$tmp/ex/apply")
grep -q "libmigrations.so.0 => $libdir/" <<<"$deps" && ok "the CMake build links the installed libmigrations.so.0" ||
	bad "the CMake build does not load $libdir/libmigrations.so.0: $(grep migrations <<<"$deps")"
deps=$(ldd "$tmp/ex-static/apply")
grep -q libmigrations <<<"$deps" && bad "the static build needs libmigrations.so" || ok "the static build needs no libmigrations.so"

cp -r "$MIG_SOURCE_DIR/migrations/examples" "$tmp/m"
names=$(cd "$tmp/m" && ls ./*.sql | sed 's|^\./||; s|\.sql$||')
for variant in apply-pc ex/apply ex-static/apply; do
	prog=$tmp/$variant
	db=$tmp/${variant//\//-}.db
	if out=$("$prog" "sqlite:$db" "$tmp/m" 2>&1); then ok "$variant: exit 0"; else bad "$variant failed: $out"; continue; fi
	tables=$(sqlite3 "$db" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name" | tr '\n' ' ')
	[ "$tables" = "note_tags notes pgmigrations tags " ] && ok "$variant: tables $tables" || bad "$variant: tables are '$tables'"
	recorded=$(sqlite3 "$db" "SELECT name FROM pgmigrations ORDER BY id")
	[ "$recorded" = "$names" ] && ok "$variant: both migrations recorded" || bad "$variant: recorded '$recorded'"
	for n in $names; do grep -q "applied $n" <<<"$out" || bad "$variant: output lacks 'applied $n': $out"; done
	if out=$("$prog" "sqlite:$db" "$tmp/m" 2>&1) && [ "$out" = "no migrations to run" ]; then
		ok "$variant: a second run is a no-op"
	else bad "$variant: second run: $out"; fi
	[ "$(sqlite3 "$db" "SELECT count(*) FROM pgmigrations")" = 2 ] && ok "$variant: still 2 records" || bad "$variant: records changed"
	status=$("$prefix/bin/migrations" --database-url "sqlite:$db" -m "$tmp/m" status 2>&1)
	seen=0
	for n in $names; do grep -qE "^$n +[0-9]{4}-[0-9]{2}-[0-9]{2}" <<<"$status" && seen=$((seen + 1)); done
	[ "$seen" = 2 ] && ok "$variant: the installed CLI sees both applied, with their time" || bad "$variant: the CLI's status: $status"
done
# a failure: one message, non-zero
rc=0
out=$("$tmp/apply-pc" "nosuch://x/y" "$tmp/m" 2>&1) || rc=$?
[ "$rc" = 1 ] && grep -q "nosuch" <<<"$out" && ok "apply on a bad URL: exit 1 with '$out'" || bad "apply on a bad URL: exit $rc, '$out'"
rc=0
out=$("$tmp/apply-pc" 2>&1) || rc=$?
[ "$rc" = 2 ] && grep -q usage <<<"$out" && ok "apply without arguments: usage, exit 2" || bad "apply without arguments: exit $rc"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
