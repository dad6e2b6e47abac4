/* eslint-disable */
exports.up = (pgm) => {
  pgm.renamePolicy('users', 'users_own', 'users_self');
};
