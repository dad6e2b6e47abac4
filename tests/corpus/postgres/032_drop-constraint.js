/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropConstraint('orders', 'orders_chk');
  pgm.dropConstraint('orders', 'orders_ab', { ifExists: true, cascade: true });
  pgm.dropConstraint({ schema: 'app', name: 'items' }, 'items_excl', { ifTableExists: true });
};
