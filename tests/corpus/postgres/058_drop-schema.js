/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropSchema('analytics', { ifExists: true, cascade: true });
  pgm.dropSchema('app');
};
