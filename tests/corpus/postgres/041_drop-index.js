/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropIndex('users', 'email');
  pgm.dropIndex('users', ['full_name', 'email'], { unique: true, ifExists: true });
  pgm.dropIndex('users', 'age', { name: 'users_age_idx', cascade: true });
  pgm.dropIndex({ schema: 'app', name: 'items' }, 'title', { concurrently: true });
  pgm.dropIndex({ schema: 'app', name: 'items' }, 'title', { name: 'items_title_id' });
};
