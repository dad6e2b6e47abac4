import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';

export const shorthands: ColumnDefinitions | undefined = undefined;

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createType('address', { street: 'string', number: 'int', city: { type: 'varchar(50)' }, pk: 'id' });
}
