/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropMaterializedView('user_counts', { ifExists: true, cascade: true });
  pgm.dropMaterializedView({ schema: 'app', name: 'item_stats' });
};
