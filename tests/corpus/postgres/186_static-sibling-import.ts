// Pattern seen in public node-pg-migrate folders (TypeScript): an ES import
// of a constant from an earlier migration file.
import type { MigrationBuilder } from 'node-pg-migrate';
import { constraint } from './184_static-sibling-export.js';

export const up = (pgm: MigrationBuilder) => {
  pgm.renameConstraint('rw_sib_orders', constraint, `${constraint}_v2`);
};

export const down = (pgm: MigrationBuilder) => {
  pgm.renameConstraint('rw_sib_orders', `${constraint}_v2`, constraint);
};
