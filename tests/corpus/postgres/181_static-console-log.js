/* eslint-disable camelcase */
// Pattern seen in public node-pg-migrate folders: progress messages logged
// from up and down around declarative operations.
exports.shorthands = undefined;

exports.up = (pgm) => {
  console.log('[MIGRATION_LOG] Starting migration: 181_static-console-log UP');
  pgm.createTable('rw_log_users', {
    id: 'id',
    email: { type: 'varchar(255)', notNull: true, unique: true },
    created_at: { type: 'timestamptz', notNull: true, default: pgm.func('now()') },
  });
  console.info('created %s with %d columns', 'rw_log_users', 3, { ok: true });
  pgm.addColumn('rw_log_users', {
    profile_image: { type: 'text', notNull: true, default: 'https://example.com/default.png' },
  });
  console.log('✓ Added profile_image column');
};

exports.down = (pgm) => {
  console.log('Dropping "rw_log_users"...');
  pgm.dropTable('rw_log_users', { ifExists: true });
};
