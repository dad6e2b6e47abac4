/* eslint-disable */
exports.up = (pgm) => {
  pgm.createIndex('users', 'email', { nulls: 'not distinct' });
};
