import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';

export const shorthands: ColumnDefinitions | undefined = undefined;

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createIndex('users', 'email', { unique: true, nulls: 'not distinct' });
  pgm.createIndex('users', 'full_name', { unique: true, nulls: 'distinct', where: 'age IS NOT NULL' });
}
