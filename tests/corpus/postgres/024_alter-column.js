/* eslint-disable */
exports.up = (pgm) => {
  pgm.alterColumn('users', 'email', { default: 'none@example.com', notNull: true });
  pgm.alterColumn('users', 'email', { default: null, allowNull: true });
  pgm.alterColumn('users', 'age', { type: 'bigint', using: 'age::bigint', notNull: false });
  pgm.alterColumn('users', 'full_name', { type: 'string', collation: '"C"', comment: 'full name' });
  pgm.alterColumn('users', 'bio', { comment: null });
  pgm.alterColumn('users', 'created_at', { default: pgm.func('now()'), type: 'datetime' });
};

exports.down = (pgm) => {
  pgm.alterColumn('users', 'email', { default: null });
};
