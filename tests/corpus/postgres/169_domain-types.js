/* eslint-disable */
exports.up = (pgm) => {
  pgm.createDomain('dom_adapt', 'datetime', { default: pgm.func('now()'), collation: 'C' });
};
