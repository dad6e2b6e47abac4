/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropPolicy('users', 'users_self', { ifExists: true });
  pgm.dropPolicy({ schema: 'app', name: 'items' }, 'items_read');
};
