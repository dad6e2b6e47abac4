#!/usr/bin/env bash
# Differential check of the JS/TS loader against node-pg-migrate itself
# (a development tool: needs Node.js and an npm install of node-pg-migrate,
# see oracle.mjs). For every file the C loader ACCEPTS, what it read must be
# exactly what node-pg-migrate runs; files it refuses are skipped.
#   tests/fuzz/diff_oracle.sh BUILD_DIR FILE_OR_DIR...
set -u
bin="$1/tests/fuzz/replay_load_js"
here="$(cd "$(dirname "$0")" && pwd)"
shift
checked=0 refused=0 differ=0
for arg in "$@"; do
	if [ -d "$arg" ]; then set -- "$arg"/*; else set -- "$arg"; fi
	for f in "$@"; do
		[ -f "$f" ] || continue
		ours="$("$bin" --dump "$f" 2>&1)"
		case "$ours" in error:*) refused=$((refused + 1)); continue ;; esac
		theirs="$(timeout 20 node "$here/oracle.mjs" "$f" 2>/dev/null)"
		checked=$((checked + 1))
		if [ "$ours" != "$theirs" ]; then
			differ=$((differ + 1))
			echo "DIFF $f"
			diff <(echo "$ours") <(echo "$theirs") | head -20
		fi
	done
done
echo "accepted and compared: $checked, differing: $differ, refused (skipped): $refused"
[ "$differ" -eq 0 ]
