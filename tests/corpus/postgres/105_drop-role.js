/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropRole('viewer', { ifExists: true });
  pgm.dropRole('admin');
};
