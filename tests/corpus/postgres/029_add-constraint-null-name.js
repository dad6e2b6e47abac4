/* eslint-disable */
exports.up = (pgm) => {
  pgm.addConstraint('orders', null, { check: 'b > a', unique: 'c', primaryKey: ['id'] });
};
