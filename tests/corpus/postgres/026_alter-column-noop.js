/* eslint-disable */
exports.up = (pgm) => {
  pgm.alterColumn('users', 'email', {});
};
