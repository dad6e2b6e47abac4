/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('we"ird', { 'col"umn': 'text', 'public.dotted': 'text', camelCase: 'integer', 'with space': 'text' });
  pgm.createTable('public.users', { id: 'id' });
};
