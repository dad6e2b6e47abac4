/* eslint-disable */
exports.up = (pgm) => {
  pgm.renameConstraint('orders', 'orders_fk', 'orders_customer_fk');
};
