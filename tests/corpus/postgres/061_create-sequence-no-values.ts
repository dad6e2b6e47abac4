import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';

export const shorthands: ColumnDefinitions | undefined = undefined;

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createSequence('seq_none', { minvalue: null, maxvalue: false, cycle: false, owner: null, start: 0, increment: 0, cache: 0 });
  pgm.createSequence('seq_owner_false', { owner: false, type: 'bigint' });
}
