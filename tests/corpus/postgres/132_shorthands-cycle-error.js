/* eslint-disable */
exports.shorthands = {
  cyc_a: { type: 'cyc_b' },
  cyc_b: { type: 'cyc_c', notNull: true },
  cyc_c: 'cyc_a',
};

exports.up = (pgm) => {
  pgm.createTable('sh_cycle', { x: 'cyc_a' });
};
