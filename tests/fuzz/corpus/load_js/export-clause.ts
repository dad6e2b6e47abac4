import { MigrationBuilder, PgLiteral as L } from 'node-pg-migrate';

const columns = {
  id: { type: 'uuid', primaryKey: true, default: new L('gen_random_uuid()') },
  "quoted key": 'text',
  2: 'int',
  1: 'int',
  b: 'x',
  10: 'y',
};

function migrate(pgm: MigrationBuilder) {
  pgm.createTable('keys', columns);
  return pgm.addColumns('keys', { extra: { type: 'text', default: 'a' + 1 + true + null } });
}

export { migrate as up };
export const down = undefined;
