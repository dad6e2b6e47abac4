/* eslint-disable */
exports.up = (pgm) => {
  pgm.createView('vopts', { options: { a: 1, b: 'x', c: null, d: false } }, 'SELECT 1');
};
