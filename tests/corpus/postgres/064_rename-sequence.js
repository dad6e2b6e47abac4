/* eslint-disable */
exports.up = (pgm) => {
  pgm.renameSequence('seq_all', 'seq_every');
};
