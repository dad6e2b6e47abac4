/* eslint-disable */
exports.up = (pgm) => {
  pgm.renameRole('reader', 'viewer');
};
