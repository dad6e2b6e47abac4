/* eslint-disable */
exports.up = (pgm) => {
  pgm.refreshMaterializedView('user_stats');
  pgm.refreshMaterializedView('user_stats', { concurrently: true, data: true });
  pgm.refreshMaterializedView({ schema: 'app', name: 'item_stats' }, { data: false });
};
