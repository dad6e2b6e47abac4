// Pattern seen in public node-pg-migrate folders: a migration that exports
// a constant and a helper which later migrations import.
const constraint = 'rw_sib_amount_positive';
exports.constraint = constraint;
const moneyColumn = (name, nullable = false) => ({ [name]: { type: 'numeric(12,2)', notNull: !nullable } });
exports.moneyColumn = moneyColumn;

exports.up = (pgm) => {
  pgm.createTable('rw_sib_orders', { id: 'id', ...moneyColumn('amount') });
  pgm.addConstraint('rw_sib_orders', constraint, { check: 'amount > 0' });
};
