/* eslint-disable */
exports.up = (pgm) => {
  pgm.createIndex('users', 'email');
  pgm.createIndex('users', ['full_name', 'email'], { unique: true });
  pgm.createIndex('users', 'age', { name: 'users_age_idx', where: 'age > 18', method: 'btree', ifNotExists: true });
  pgm.createIndex('users', 'email', { include: ['full_name', 'age'], unique: true, name: 'users_cover' });
  pgm.createIndex('users', 'created_at', { include: 'email' });
};
