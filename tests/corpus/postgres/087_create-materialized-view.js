/* eslint-disable */
exports.up = (pgm) => {
  pgm.createMaterializedView('user_stats', {}, 'SELECT count(*) AS n FROM users');
  pgm.createMaterializedView(
    { schema: 'app', name: 'item_stats' },
    {
      ifNotExists: true,
      columns: ['n', 'm'],
      tablespace: 'pg_default',
      storageParameters: { fillfactor: 70, autovacuum_enabled: true },
      data: false,
    },
    'SELECT count(*), max(id) FROM app.items'
  );
  pgm.createMaterializedView('user_stats2', { data: true }, 'SELECT 1');
};
