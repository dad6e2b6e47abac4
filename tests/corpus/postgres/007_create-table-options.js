/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('tmp_things', { x: 'integer' }, { temporary: true, ifNotExists: true });
  pgm.createTable('child', { extra: 'text' }, { inherits: 'parent', comment: 'a child table' });
  pgm.createTable('copy1', {}, { like: 'users' });
  pgm.createTable('copy2', { more: 'text' }, {
    like: { table: { schema: 'app', name: 'users' }, options: { including: ['DEFAULTS', 'INDEXES'], excluding: 'COMMENTS' } },
  });
  pgm.createTable('copy3', { more: 'text' }, { like: { table: 'users' } });
};
