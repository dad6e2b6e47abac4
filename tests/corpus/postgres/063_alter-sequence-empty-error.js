/* eslint-disable */
exports.up = (pgm) => {
  pgm.alterSequence('seq_all', {});
};
