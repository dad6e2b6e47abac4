/* eslint-disable */
exports.up = (pgm) => {
  pgm.alterPolicy('users', 'users_own', {});
};
