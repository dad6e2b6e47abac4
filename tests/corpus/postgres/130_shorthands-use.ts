import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';

export const shorthands: ColumnDefinitions = {
  sh_ref: { type: 'integer', references: 'sh_users', onDelete: 'CASCADE' },
};

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createTable('sh_posts', {
    id: 'id',
    created: 'sh_created',
    n: 'sh_int',
    author: { type: 'sh_ref', notNull: true },
  });
  pgm.addColumns('sh_posts', { seen: 'sh_created' });
}
