/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropTrigger('users', 'users_audit');
  pgm.dropTrigger({ schema: 'app', name: 'items' }, 'items_trunc', { ifExists: true, cascade: true });
};
