/* eslint-disable */
exports.up = (pgm) => {
  pgm.alterMaterializedView('user_stats', { cluster: 'user_stats_idx', extension: 'pg_trgm', storageParameters: { fillfactor: 50, autovacuum_enabled: null } });
  pgm.alterMaterializedView('user_stats', { cluster: null });
  pgm.alterMaterializedView('user_stats', {});
};
