/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('ml', {
    a: { type: 'integer', check: 'a > 0\n    AND a < 10' },
  }, { constraints: { check: 'a\r\n\n<> 5' } });
};
