// Patterns seen in public node-pg-migrate folders: local arrow helpers with
// default parameters that build columns and names, closures over
// constants, spreads and destructuring of static values.
import { MigrationBuilder, ColumnDefinitions } from 'node-pg-migrate';

const SCHEMA = 'public';
const timestamps = (precision = 3): ColumnDefinitions => ({
  created_at: { type: `timestamptz(${precision})`, notNull: true, default: 'now()' },
  updated_at: { type: `timestamptz(${precision})`, notNull: true, default: 'now()' },
});

function fk(table: string, { onDelete = 'CASCADE', notNull = true } = {}) {
  return { type: 'integer', notNull, references: `"${table}"`, onDelete };
}

const TABLES: Record<string, ColumnDefinitions> = {
  rw_helper_owner: { name: { type: 'text' } },
  rw_helper_pet: { owner_id: fk('rw_helper_owner'), nickname: 'text' },
};

export async function up(pgm: MigrationBuilder): Promise<void> {
  const add = (name: string, extra: ColumnDefinitions = {}) =>
    pgm.createTable({ schema: SCHEMA, name }, { id: 'id', ...extra, ...timestamps() });
  for (const [name, cols] of Object.entries(TABLES)) add(name, cols);
  const indexed = Object.keys(TABLES).filter((t) => t.endsWith('_pet'));
  indexed.forEach((t) => pgm.createIndex(t, ['owner_id'], { name: `${t}_owner_idx`.toLowerCase() }));
  const comment = ['stores', 'pets', 'of', 'owners'].map((w) => w.trim()).join(' ');
  pgm.sql(`COMMENT ON TABLE "rw_helper_pet" IS '${comment.replace('stores', 'Stores')}'`);
  const total = [1, 2, 3].reduce((a, b) => a + b, 0);
  pgm.sql(`SELECT ${total} AS ${'n'.padStart(3, 'x')}, ${JSON.stringify({ a: [1, 'b'] }).length}`);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  for (const name of Object.keys(TABLES).reverse()) pgm.dropTable({ schema: SCHEMA, name });
}
