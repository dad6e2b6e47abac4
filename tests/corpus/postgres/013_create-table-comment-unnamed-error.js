/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('bad2', { a: 'integer' }, { constraints: { check: 'a > 0', comment: 'positive' } });
};
