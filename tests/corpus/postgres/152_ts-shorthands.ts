import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';

export const shorthands: ColumnDefinitions = {
  ts_stamp: { type: 'timestamptz', notNull: true, default: { literal: true, value: 'now()' } },
};

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createTable('ts_sh', { id: 'id', at: 'ts_stamp' });
}
