/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropSequence('seq_every', { ifExists: true, cascade: true });
  pgm.dropSequence({ schema: 'app', name: 'seq_tmp' });
};
