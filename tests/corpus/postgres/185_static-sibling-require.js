// Patterns seen in public node-pg-migrate folders: require of an earlier
// migration's exports, destructured or read as a property.
const { constraint, moneyColumn } = require('./184_static-sibling-export');
const again = require('./184_static-sibling-export.js').constraint;

exports.up = (pgm) => {
  pgm.dropConstraint('rw_sib_orders', constraint);
  pgm.addColumns('rw_sib_orders', moneyColumn('refund', true));
  pgm.addConstraint('rw_sib_orders', again, { check: 'amount > 0 AND (refund IS NULL OR refund <= amount)' });
};

exports.down = (pgm) => {
  pgm.dropConstraint('rw_sib_orders', again);
  pgm.dropColumns('rw_sib_orders', ['refund']);
  pgm.addConstraint('rw_sib_orders', constraint, { check: 'amount > 0' });
};
