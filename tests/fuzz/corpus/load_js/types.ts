import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';
import { PgLiteral } from 'node-pg-migrate';

type Status = 'active' | 'banned';
interface Row { id: number; status: Status }

export const shorthands: ColumnDefinitions = {
  createdAt: { type: 'timestamptz', notNull: true, default: PgLiteral.create('now()') },
} satisfies ColumnDefinitions;

const statuses = ['active', 'banned'] as const;

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createType('status', statuses as unknown as string[]);
  pgm.createTable('accounts', {
    id: { type: 'serial', primaryKey: true },
    status: { type: 'status', notNull: true, default: statuses[0]! },
    created: 'createdAt',
    balance: { type: 'numeric(12, 2)', default: -0x10 },
  }, { comment: 'accounts', ifNotExists: true });
  pgm.addTypeValue('status', 'pending', { before: 'active' });
  pgm.noTransaction();
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.dropTable('accounts');
  pgm.dropType('status');
}
