/* eslint-disable */
exports.up = (pgm) => {
  pgm.createIndex('users', 'café');
  pgm.createIndex('users', 'col"q');
  pgm.createIndex('users', 'a.b');
  pgm.createIndex('users', 'f(x)');
  pgm.createIndex('users', 'x::text');
  pgm.createIndex('users', 'coalesce(a, b)', { name: 'users_coalesce', method: 'gin', where: 'a IS NOT NULL' });
};
