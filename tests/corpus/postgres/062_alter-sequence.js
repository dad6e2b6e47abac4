/* eslint-disable */
exports.up = (pgm) => {
  pgm.alterSequence('seq_all', { restart: true });
  pgm.alterSequence('seq_all', { restart: 50, increment: 3 });
  pgm.alterSequence('seq_all', { type: 'bigint', maxvalue: null, cycle: false, owner: 'NONE' });
};
