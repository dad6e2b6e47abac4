/* eslint-disable */
exports.up = (pgm) => {
  pgm.renameMaterializedView('user_stats', 'user_counts');
  pgm.renameMaterializedViewColumn('user_counts', 'n', 'total');
};
