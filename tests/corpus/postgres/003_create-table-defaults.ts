import type { ColumnDefinitions, MigrationBuilder } from 'node-pg-migrate';

export const shorthands: ColumnDefinitions | undefined = undefined;

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createTable('defaults', {
    s: { type: 'text', default: 'plain' },
    q: { type: 'text', default: "it's" },
    d: { type: 'text', default: 'has $pga$ inside' },
    d2: { type: 'text', default: '$pga$ and $pgb$' },
    e: { type: 'text', default: '' },
    n: { type: 'integer', default: 42 },
    neg: { type: 'integer', default: -5 },
    f: { type: 'real', default: 0.5 },
    big: { type: 'numeric', default: 1e21 },
    t: { type: 'boolean', default: true },
    fa: { type: 'boolean', default: false },
    nul: { type: 'text', default: null },
    arr: { type: 'integer[]', default: [1, 2, 3] },
    nested: { type: 'integer[][]', default: [[1, 2], [3, 4]] },
    sarr: { type: 'text[]', default: ['a', 'b'] },
    fn: { type: 'uuid', default: pgm.func('gen_random_uuid()') },
  });
}
