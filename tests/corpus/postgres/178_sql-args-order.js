/* eslint-disable */
exports.up = (pgm) => {
  pgm.sql('{a}{b}{a}', { a: '{b}', b: 'x' });
  pgm.sql("SELECT '{x}'", { x: 'it' });
  pgm.sql('{ab} {a}', { a: 1 });
};
