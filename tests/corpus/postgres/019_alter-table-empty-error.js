/* eslint-disable */
exports.up = (pgm) => {
  pgm.alterTable('users', {});
};
