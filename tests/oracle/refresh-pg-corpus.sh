#!/bin/sh
# Regenerate tests/corpus/postgres/expected/ from node-pg-migrate 9.0.0, the
# oracle for the PostgreSQL emitter (tests/unit/test_postgres_corpus.c compares
# our output with these files).
#
# Needs node >= 20.11 and npm, and a scratch PostgreSQL server:
#   MIG_ORACLE_PG_URL   postgres://user[:password]@host:port/db of a role that
#                       may CREATE DATABASE (a database mig_oracle_<pid> is
#                       created there and dropped at the end). Required.
#   MIG_ORACLE_NPM_DIR  where node-pg-migrate@9.0.0 and pg are installed
#                       (default: <repo>/build-oracle/npm; never committed).
# Arguments: optional corpus file names to refresh only those.
#
# Example, with a throwaway server on port 5433:
#   MIG_ORACLE_PG_URL=postgres://postgres@127.0.0.1:5433/postgres \
#     tests/oracle/refresh-pg-corpus.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
url=${MIG_ORACLE_PG_URL:?set MIG_ORACLE_PG_URL to a scratch PostgreSQL URL (see the header of $0)}
npmdir=${MIG_ORACLE_NPM_DIR:-$root/build-oracle/npm}

mkdir -p "$npmdir"
have=$(node -e "try{console.log(require('$npmdir/node_modules/node-pg-migrate/package.json').version)}catch{}" 2>/dev/null || true)
if [ "$have" != "9.0.0" ] || [ ! -d "$npmdir/node_modules/pg" ]; then
	[ -f "$npmdir/package.json" ] || echo '{ "private": true }' >"$npmdir/package.json"
	(cd "$npmdir" && npm install --no-audit --no-fund --save-exact node-pg-migrate@9.0.0 pg@8)
fi
exec node "$here/pg-oracle.mjs" --npm "$npmdir" --corpus "$root/tests/corpus/postgres" --url "$url" "$@"
