/* eslint-disable */
exports.up = (pgm) => {
  pgm.addIndex('users', 'nickname');
  pgm.renameIndex('users_nickname_index', 'users_nick_idx');
  pgm.renameIndex({ schema: 'app', name: 'items_title_index' }, 'items_t_idx');
};
