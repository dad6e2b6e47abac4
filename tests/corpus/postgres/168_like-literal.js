/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('like_lit', { a: 'int' }, { like: pgm.func('"users"') });
  pgm.createTable('like_excl', {}, { like: { table: 'users', options: { excluding: ['DEFAULTS', undefined], including: 'ALL' } } });
};
