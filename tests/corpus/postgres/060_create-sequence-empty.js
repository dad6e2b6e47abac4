/* eslint-disable */
exports.up = (pgm) => {
  pgm.createSequence('seq_plain');
};
