/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('bad', { a: 'integer' }, { temporary: true, unlogged: true });
};
