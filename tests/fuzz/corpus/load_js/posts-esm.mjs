/**
 * @type {import('node-pg-migrate').ColumnDefinitions | undefined}
 */
export const shorthands = undefined;

const TABLE = 'posts';
const base = { id: 'id', created_at: { type: 'timestamp', notNull: true } };

/**
 * @param pgm {import('node-pg-migrate').MigrationBuilder}
 * @param run {() => void | undefined}
 * @returns {Promise<void> | void}
 */
export const up = async (pgm) => {
  await pgm.createTable(TABLE, {
    ...base,
    user_id: { type: 'integer', notNull: true, references: '"users"', onDelete: 'CASCADE' },
    title: { type: 'text', notNull: true },
    body: 'text',
    [`${TABLE}_rank`]: { type: 'real', default: 1.5e0 },
  });
  await pgm.createIndex(TABLE, ['user_id', { name: 'created_at', sort: 'DESC' }]);
  pgm.sql(`UPDATE ${TABLE} SET title = 'x' WHERE id = ${1_000}`);
};

export const down = false;
