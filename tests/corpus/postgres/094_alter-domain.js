/* eslint-disable */
exports.up = (pgm) => {
  pgm.alterDomain('positive_int', { default: 1, notNull: true });
  pgm.alterDomain('positive_int', { default: null, allowNull: true });
  pgm.alterDomain('positive_int', { notNull: false, check: 'VALUE < 1000', constraintName: 'upper_bound' });
  pgm.alterDomain('positive_int', { check: 'VALUE <> 13' });
};
