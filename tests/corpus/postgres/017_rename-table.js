/* eslint-disable */
exports.up = (pgm) => {
  pgm.renameTable('posts', 'articles');
  pgm.renameTable({ schema: 'app', name: 'items' }, 'things');
};
