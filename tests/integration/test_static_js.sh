# The static JS/TS reader end to end: a folder whose migrations log with
# console, loop over literal lists, call local helpers and import constants
# and helpers from sibling files is migrated and rolled back on SQLite and
# PostgreSQL through the CLI; console output goes to stderr only; what the
# reader must refuse (an import from outside the folder, a loop without
# end) stops the run before anything is applied, naming file:line:col
# (with --js-engine static: the Node.js engine would run those files).
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null || fail "the sqlite3 command-line shell is needed (apt-get install sqlite3)"
q() { sqlite3 -batch -noheader "$1" "$2"; }
export -n DATABASE_URL 2>/dev/null || true
unset DATABASE_URL

mkdir -p migrations/lib
cat >migrations/lib/columns.js <<'JS'
import { PgLiteral } from 'node-pg-migrate';
export const STAMP = { type: 'timestamp', notNull: true, default: PgLiteral.create('CURRENT_TIMESTAMP') };
export function named(base, suffix = 'items') { return `${base}_${suffix}`; }
JS
cat >migrations/1700000000001_tables.js <<'JS'
const TABLES = ['shops', 'brands'];
exports.TABLES = TABLES;
exports.up = (pgm) => {
  console.log('creating %d tables', TABLES.length);
  for (const t of TABLES) {
    pgm.createTable(t, { id: 'id', name: { type: 'text', notNull: true } });
  }
};
exports.down = (pgm) => {
  console.log('dropping', TABLES);
  [...TABLES].reverse().forEach((t) => pgm.dropTable(t));
};
JS
cat >migrations/1700000000002_items.ts <<'TS'
import type { MigrationBuilder } from 'node-pg-migrate';
import { STAMP, named } from './lib/columns.js';
const { TABLES } = require('./1700000000001_tables');

const fk = (table: string) => ({ type: 'integer', references: table, onDelete: 'CASCADE' });

export async function up(pgm: MigrationBuilder): Promise<void> {
  const cols = Object.fromEntries(TABLES.map((t: string) => [`${t.slice(0, -1)}_id`, fk(t)]));
  pgm.createTable(named('shop'), { id: 'id', ...cols, created_at: STAMP });
}
TS

t "SQLite: migrate and rollback a folder the static reader runs"
assert_exit 0 mig -d sqlite:static.db migrate
assert_contains "$ERR" "creating 2 tables"
assert_not_contains "$OUT" "creating 2 tables" "console output on stdout"
assert_eq "brands,shop_items,shops" "$(q static.db "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'pgmigrations%' AND name NOT LIKE 'sqlite_%' ORDER BY name)")"
assert_eq "id,shop_id,brand_id,created_at" "$(q static.db "SELECT group_concat(name, ',') FROM pragma_table_info('shop_items')")"
assert_exit 0 mig -d sqlite:static.db rollback 0
assert_contains "$ERR" "dropping [ 'shops', 'brands' ]"
assert_eq "0" "$(q static.db "SELECT count(*) FROM sqlite_master WHERE name IN ('shops', 'brands', 'shop_items')")"

t "sql: the statements on stdout, the console output on stderr"
assert_exit 0 mig -m migrations sql 1700000000002_items.ts
assert_contains "$OUT" "shop_items"
assert_not_contains "$OUT" "creating"

t "PostgreSQL: the same folder"
pg_require
pg_scratch_db
assert_exit 0 mig -d "$PG_DB_URL" migrate
assert_eq "brands|shop_items|shops" "$(pgq "$PG_DB_URL" "SELECT string_agg(tablename, '|' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'pgmigrations'")"
assert_eq "shops" "$(pgq "$PG_DB_URL" "SELECT ccu.table_name FROM information_schema.constraint_column_usage ccu JOIN information_schema.table_constraints tc USING (constraint_name) WHERE tc.table_name = 'shop_items' AND tc.constraint_type = 'FOREIGN KEY' AND ccu.table_name = 'shops'")"
assert_exit 0 mig -d "$PG_DB_URL" rollback 0
assert_eq "" "$(pgq "$PG_DB_URL" "SELECT string_agg(tablename, '|') FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'pgmigrations'")"

t "an import from outside the migrations folder is refused before anything runs"
echo "exports.SECRET = 'x';" >outside.js
cat >migrations/1700000000003_outside.js <<'JS'
const { SECRET } = require('../outside.js');
exports.up = (pgm) => { pgm.sql(`SELECT '${SECRET}'`); };
JS
rm -f static.db
# --js-engine static: with Node.js on PATH, the default would evaluate it there
assert_exit 2 mig -d sqlite:static.db --js-engine static migrate
assert_contains "$ERR" "1700000000003_outside.js:1:28: import of '../outside.js' at top level (outside the migrations folder)"
assert_eq "0" "$(q static.db "SELECT count(*) FROM sqlite_master WHERE name IN ('shops', 'brands')" 2>/dev/null || echo 0)"
rm migrations/1700000000003_outside.js

t "a loop without end stops at the step budget with a message"
cat >migrations/1700000000003_forever.js <<'JS'
exports.up = (pgm) => {
  let n = 0;
  while (n >= 0) n++;
};
JS
assert_exit 2 mig -d sqlite:static.db --js-engine static migrate
assert_contains "$ERR" "1700000000003_forever.js:3:"
assert_contains "$ERR" "runs more than 250000 steps in up() (a loop without end?)"
