/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('undef', { a: { type: 'text', default: undefined, comment: undefined } });
  pgm.sql('SELECT {a}', { a: undefined });
};
