/* eslint-disable */
exports.up = (pgm) => {
  pgm.alterPolicy('users', 'users_own', { role: 'admin', using: 'true' });
  pgm.alterPolicy('users', 'users_own', { check: 'age < 200' });
};
