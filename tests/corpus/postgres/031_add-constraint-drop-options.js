/* eslint-disable */
exports.up = (pgm) => {
  pgm.addConstraint('orders', 'orders_chk2', { check: 'c > 0', ifExists: true, cascade: true });
};
