/* eslint-disable */
exports.up = (pgm) => {
  pgm.addConstraint('orders', 'nothing', {});
};
