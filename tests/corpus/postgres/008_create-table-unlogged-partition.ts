import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';

export const shorthands: ColumnDefinitions | undefined = undefined;

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createTable('fast', { x: 'integer' }, { unlogged: true });
  pgm.createTable(
    'measurements',
    { logdate: { type: 'date', notNull: true }, peak: 'integer' },
    { partition: { strategy: 'RANGE', columns: 'logdate' } }
  );
  pgm.createTable(
    'cities',
    { name: 'text', region: 'text' },
    {
      partition: {
        strategy: 'LIST',
        columns: [{ name: 'name', collate: '"C"', opclass: 'text_pattern_ops' }, 'region'],
      },
    }
  );
}
