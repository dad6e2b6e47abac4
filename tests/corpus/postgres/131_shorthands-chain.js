/* eslint-disable */
exports.shorthands = {
  sh_a: { type: 'sh_b', default: 7 },
  sh_b: { type: 'sh_int', notNull: true, comment: 'from sh_b' },
};

exports.up = (pgm) => {
  pgm.createTable('sh_chain', {
    a: 'sh_a',
    b: { type: 'sh_a', check: 'b > 0' },
    c: 'sh_b',
    d: { type: 'sh_int', primaryKey: true },
  });
};
