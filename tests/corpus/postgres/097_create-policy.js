/* eslint-disable */
exports.up = (pgm) => {
  pgm.createPolicy('users', 'users_all');
  pgm.createPolicy('users', 'users_own', {
    command: 'UPDATE',
    role: ['app_user', 'CURRENT_USER'],
    using: 'id = current_user_id()',
    check: 'age >= 0',
  });
  pgm.createPolicy({ schema: 'app', name: 'items' }, 'items_read', { command: 'SELECT', role: 'reader', ifExists: true });
};
