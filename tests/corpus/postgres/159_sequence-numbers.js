/* eslint-disable */
exports.up = (pgm) => {
  pgm.createSequence('seq_neg', { increment: -1, minvalue: -100, maxvalue: -1, start: -1 });
};
