# Interop with the real node-pg-migrate 9.0.0 (the oracle) on one database:
#  (a) it applies the first half of a set, we apply the rest; it then finds
#      nothing to run and rolls back what we applied;
#  (b) the reverse;
#  (c) while one holds the advisory lock, the other refuses;
#  (d) each applies the same set to its own database: the same pgmigrations
#      names in the same order, and the same pg_dump --schema-only.
# The set is tests/fixtures/interop/migrations (every file in it, so JS
# migrations can join later). node-pg-migrate and pg are installed from npm
# into $MIG_BUILD_DIR/npm-oracle once and reused.
# Needs MIG_TEST_PG_URL (tests/ci/postgres-up.sh), Node.js >= 20.11 and npm.
. "$(dirname "$0")/lib.sh"

pg_require
unset DATABASE_URL PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE PGOPTIONS PGSSLMODE PGCONNECT_TIMEOUT

FIXTURES=$MIG_SOURCE_DIR/tests/fixtures/interop/migrations
npg_require

cp -R "$FIXTURES" "$WORK/migrations"
# the set in node-pg-migrate's order: numeric prefix, then name
mapfile -t NAMES < <(ls migrations | sed 's/\.[^.]*$//' | sort -t_ -k1,1n -k2)
N=${#NAMES[@]}
[ "$N" -ge 2 ] || fail "the interop set needs at least two migrations"
HALF=$((N / 2))
join_names() { # FROM TO: NAMES[FROM..TO-1] joined with ','
	local IFS=,
	echo "${NAMES[*]:$1:$(($2 - $1))}"
}
ALL=$(join_names 0 "$N")
FIRST=$(join_names 0 "$HALF")

applied() {
	pgq "$1" "SELECT coalesce(string_agg(name, ',' ORDER BY run_on, id), '') FROM public.pgmigrations"
}

user_objects() {
	pgq "$1" "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND c.relname NOT LIKE 'pgmigrations%'"
}

t "(a) node-pg-migrate applies the first half, we apply the rest"
pg_scratch_db A
assert_exit 0 npg "$A_URL" up "$HALF"
assert_eq "$FIRST" "$(applied "$A_URL")" "after node-pg-migrate up $HALF"
assert_exit 0 mig --database-url "$A_URL" migrate
assert_contains "$OUT" "ran ${NAMES[$HALF]}"
assert_contains "$OUT" "committed: "
assert_not_contains "$OUT" "ran ${NAMES[0]} " "we must not re-apply node-pg-migrate's"
assert_eq "$ALL" "$(applied "$A_URL")"
assert_exit 0 npg "$A_URL" up
assert_contains "$OUT" "No migrations to run!"
assert_exit 0 mig --database-url "$A_URL" status
assert_contains "$ERR" "$N applied, 0 pending"

t "(a) node-pg-migrate rolls back what we applied; we roll back what it applied"
assert_exit 0 npg "$A_URL" down "$((N - HALF))"
assert_eq "$FIRST" "$(applied "$A_URL")" "after node-pg-migrate down"
assert_exit 0 mig --database-url "$A_URL" rollback 0
assert_eq "" "$(applied "$A_URL")"
assert_eq 0 "$(user_objects "$A_URL")" "objects left after rolling everything back"

t "(b) we apply the first half, node-pg-migrate applies the rest"
pg_scratch_db B
assert_exit 0 mig --database-url "$B_URL" migrate "$HALF"
assert_eq "$FIRST" "$(applied "$B_URL")"
assert_exit 0 npg "$B_URL" up
assert_contains "$OUT" "MIGRATION ${NAMES[$HALF]} (UP)"
assert_not_contains "$OUT" "MIGRATION ${NAMES[0]} (UP)" "node-pg-migrate must not re-apply ours"
assert_eq "$ALL" "$(applied "$B_URL")"
assert_exit 0 mig --database-url "$B_URL" migrate
assert_contains "$OUT" "No migrations to run!"

t "(b) we roll back what node-pg-migrate applied; it rolls back ours"
assert_exit 0 mig --database-url "$B_URL" rollback "$((N - HALF))"
assert_eq "$FIRST" "$(applied "$B_URL")"
assert_exit 0 npg "$B_URL" down 0
assert_eq "" "$(applied "$B_URL")"
assert_eq 0 "$(user_objects "$B_URL")" "objects left after rolling everything back"

t "(b) check-order agrees: a file slipped in before applied ones is refused by both"
assert_exit 0 mig --database-url "$B_URL" migrate 2
first_prefix=${NAMES[0]%%_*}
early="$((first_prefix - 1))_slipped-in"
printf -- '-- Up Migration\nSELECT 1;\n-- Down Migration\nSELECT 1;\n' >"migrations/$early.sql"
assert_exit 1 mig --database-url "$B_URL" migrate
assert_contains "$ERR" "Not run migration $early is preceding already run migration ${NAMES[0]}"
assert_exit 1 npg "$B_URL" up
assert_contains "$ERR" "Not run migration $early is preceding already run migration ${NAMES[0]}"
rm "migrations/$early.sql"

t "(c) while node-pg-migrate holds the lock, we refuse; and the other way round"
pg_scratch_db C
mkdir slow
printf -- '-- Up Migration\nSELECT pg_sleep(4);\n-- Down Migration\nSELECT 1;\n' >slow/1700000000001_slow-one.sql
printf -- '-- Up Migration\nSELECT pg_sleep(4);\n-- Down Migration\nSELECT 1;\n' >slow/1700000000002_slow-two.sql
lock_held="SELECT count(*) = 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND objsubid = 1 AND classid = (7241865325823964 >> 32)::oid AND objid = (7241865325823964 & 4294967295)::oid"
DATABASE_URL=$C_URL timeout 60 "$NPG" -m slow up 1 >"$WORK/npg.out" 2>&1 &
npg_pid=$!
on_exit "kill $npg_pid"
pg_wait_for "$C_URL" "$lock_held" 30
assert_exit 1 mig --database-url "$C_URL" -m slow migrate
assert_contains "$ERR" "Another migration is already running. Advisory lock mode is set to 'fail'."
assert_contains "$ERR" "held by server process"
wait "$npg_pid" || fail "node-pg-migrate's slow run failed: $(cat "$WORK/npg.out")"
assert_eq 1700000000001_slow-one "$(applied "$C_URL")"
timeout 60 "$MIG_BIN" --database-url "$C_URL" -m slow migrate >"$WORK/ours.out" 2>&1 &
ours_pid=$!
on_exit "kill $ours_pid"
pg_wait_for "$C_URL" "$lock_held" 30
assert_exit 1 npg "$C_URL" -m slow up
assert_contains "$OUT$ERR" "Another migration is already running. Advisory lock mode is set to 'fail'."
wait "$ours_pid" || fail "our slow run failed: $(cat "$WORK/ours.out")"
assert_eq 1700000000001_slow-one,1700000000002_slow-two "$(applied "$C_URL")"

t "(c) a third session holding node-pg-migrate's key blocks both"
pg_session_start holder "$C_URL"
pg_session_send holder "SELECT pg_advisory_lock(7241865325823964);"
pg_wait_for "$C_URL" "$lock_held"
assert_exit 1 mig --database-url "$C_URL" -m slow rollback
assert_contains "$ERR" "Another migration is already running."
assert_exit 1 npg "$C_URL" -m slow down
assert_contains "$OUT$ERR" "Another migration is already running."
pg_session_end holder
assert_exit 0 mig --database-url "$C_URL" -m slow rollback
assert_eq 1700000000001_slow-one "$(applied "$C_URL")"

t "(d) each tool applies the whole set to its own database: same state, same schema"
pg_scratch_db DN
pg_scratch_db DM
assert_exit 0 npg "$DN_URL" up
assert_exit 0 mig --database-url "$DM_URL" migrate
assert_eq "$ALL" "$(applied "$DN_URL")" "node-pg-migrate's state"
assert_eq "$ALL" "$(applied "$DM_URL")" "our state"
state_rows="SELECT string_agg(id || ' ' || name, ',' ORDER BY run_on, id) FROM public.pgmigrations"
assert_eq "$(pgq "$DN_URL" "$state_rows")" "$(pgq "$DM_URL" "$state_rows")" "pgmigrations ids and names"
same_run_on="SELECT count(DISTINCT run_on) FROM public.pgmigrations"
assert_eq "$(pgq "$DN_URL" "$same_run_on")" "$(pgq "$DM_URL" "$same_run_on")" "one transaction for the run"
PG_DUMP=pg_dump
[ -n "${MIG_TEST_PG_BINDIR:-}" ] && [ -x "$MIG_TEST_PG_BINDIR/pg_dump" ] && PG_DUMP=$MIG_TEST_PG_BINDIR/pg_dump
# Only the dump's random \restrict key may differ between two dumps.
dump() {
	"$PG_DUMP" --schema-only "$1" >"$2.raw" || fail "pg_dump failed on $1"
	sed -E 's/^\\(un)?restrict .*/\\\1restrict KEY/' "$2.raw" >"$2"
}
dump "$DN_URL" "$WORK/node.sql"
dump "$DM_URL" "$WORK/ours.sql"
grep -q 'CREATE TABLE public.pgmigrations' "$WORK/ours.sql" || fail "the dump has no pgmigrations table"
diff -u "$WORK/node.sql" "$WORK/ours.sql" >"$WORK/dump.diff" ||
	fail "pg_dump --schema-only differs between node-pg-migrate's and our database:
$(head -60 "$WORK/dump.diff")"
data="SELECT (SELECT count(*) FROM app.users) || '/' || (SELECT count(*) FROM app.posts)"
if pgq "$DN_URL" "SELECT to_regclass('app.posts') IS NOT NULL" | grep -q t; then
	assert_eq "$(pgq "$DN_URL" "$data")" "$(pgq "$DM_URL" "$data")" "rows seeded"
fi

t "(d) and each rolls the other's database all the way back"
assert_exit 0 mig --database-url "$DN_URL" rollback 0
assert_exit 0 npg "$DM_URL" down 0
assert_eq "" "$(applied "$DN_URL")"
assert_eq "" "$(applied "$DM_URL")"
assert_eq 0 "$(user_objects "$DN_URL")"
assert_eq 0 "$(user_objects "$DM_URL")"

t "deliberate difference: a line break inside a createTable default is kept (node-pg-migrate stores a space)"
pg_scratch_db NL_N
pg_scratch_db NL_M
mkdir -p nl
cat >nl/1700000000001_newline.js <<'JS'
exports.up = (pgm) => {
  pgm.createTable('notes', { id: 'id', body: { type: 'text', notNull: true, default: 'line1\nline2' } });
};
JS
assert_exit 0 npg "$NL_N_URL" up -m nl
assert_exit 0 mig --database-url "$NL_M_URL" -m nl migrate
pgq "$NL_N_URL" "INSERT INTO notes DEFAULT VALUES" >/dev/null
pgq "$NL_M_URL" "INSERT INTO notes DEFAULT VALUES" >/dev/null
assert_eq "line1 line2" "$(pgq "$NL_N_URL" "SELECT body FROM notes")" "node-pg-migrate 9.0.0 folds the line break"
assert_eq "t" "$(pgq "$NL_M_URL" "SELECT body = E'line1\\nline2' FROM notes")" "we store the default as written"
