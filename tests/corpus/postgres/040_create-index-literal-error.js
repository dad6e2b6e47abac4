/* eslint-disable */
exports.up = (pgm) => {
  pgm.createIndex('users', ['email', pgm.func('lower(full_name)')]);
};
