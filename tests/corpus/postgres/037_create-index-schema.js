/* eslint-disable */
exports.up = (pgm) => {
  pgm.createIndex({ schema: 'app', name: 'items' }, 'title');
  pgm.createIndex({ schema: 'app', name: 'items' }, ['title', 'id'], { name: 'items_title_id', unique: true });
};
