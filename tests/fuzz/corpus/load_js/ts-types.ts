import type { MigrationBuilder, ColumnDefinitions } from 'node-pg-migrate';
import type * as T from 'node-pg-migrate';
import { type PgType } from 'node-pg-migrate';

declare const nothing: never;
type Cols = Record<string, Array<string | number>>;
type Fn = (pgm: MigrationBuilder, run?: () => void) => Promise<void> | void;
type Cond<X> = X extends string ? 'a' : { b: X[] };
interface Opts extends Partial<Record<'a' | 'b', boolean>> { readonly c?: string[]; }

const names = ['a', 'b'] as const;
const opts = { ifNotExists: true } as Opts & { ifNotExists: boolean };
let typed: Array<Array<string>> = [['x']];

export const up: Fn = async (pgm: MigrationBuilder): Promise<void> => {
  pgm.createTable('ts', { id: 'id', a: { type: 'text' } satisfies ColumnDefinitions[string] } as ColumnDefinitions, opts!);
  pgm.sql(names[0] as string, typed as unknown as Cols);
};
export const down: Fn | false = false;
