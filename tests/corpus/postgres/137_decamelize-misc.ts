import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';

export const shorthands: ColumnDefinitions | undefined = undefined;

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.renameColumn('myTable', 'createdAt', 'insertedAt');
  pgm.createSchema('mySchema');
  pgm.createFunction({ schema: 'mySchema', name: 'doThing' }, [{ name: 'inputValue', type: 'int' }], { returns: 'void', language: 'sql' }, 'SELECT 1');
  pgm.sql('SELECT {colName} FROM {tableName}', { colName: 'userId', tableName: { schema: 'mySchema', name: 'myTable' } });
  pgm.addConstraint('myTable', 'myConstraint', { check: 'true' });
  pgm.createExtension('uuidOssp');
  pgm.createTrigger('myTable', 'myTrigger', { when: 'AFTER', operation: 'INSERT', function: 'myFunction' });
}
