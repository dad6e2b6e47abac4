/* eslint-disable */
exports.up = (pgm) => {
  pgm.renameSchema('reports', 'analytics');
};
