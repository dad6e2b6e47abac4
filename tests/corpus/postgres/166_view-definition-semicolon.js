/* eslint-disable */
exports.up = (pgm) => {
  pgm.createView('vsemi', { replace: true }, 'SELECT 1;');
  pgm.createMaterializedView('mvsemi', {}, 'SELECT 1;');
};
