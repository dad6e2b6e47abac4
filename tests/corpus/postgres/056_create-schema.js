/* eslint-disable */
exports.up = (pgm) => {
  pgm.createSchema('app');
  pgm.createSchema('reports', { ifNotExists: true, authorization: 'CURRENT_USER' });
};
