import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';

export const shorthands: ColumnDefinitions | undefined = undefined;

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.alterColumn('counters', 'a', { sequenceGenerated: { precedence: 'BY DEFAULT', start: 100 } });
  pgm.alterColumn('counters', 'b', { sequenceGenerated: null });
  pgm.alterColumn('counters', 'c', { expressionGenerated: 'a * 3' });
  pgm.alterColumn('counters', 'd', { expressionGenerated: null, sequenceGenerated: false });
}
