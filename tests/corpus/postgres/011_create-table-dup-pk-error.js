/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable(
    'dup',
    { a: { type: 'integer', primaryKey: true }, b: { type: 'integer', primaryKey: true } },
    { constraints: { primaryKey: 'a' } }
  );
};
