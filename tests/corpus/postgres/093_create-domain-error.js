/* eslint-disable */
exports.up = (pgm) => {
  pgm.createDomain('bad_domain', 'integer', { notNull: true, check: 'VALUE > 0' });
};
