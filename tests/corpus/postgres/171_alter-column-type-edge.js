/* eslint-disable */
exports.up = (pgm) => {
  pgm.alterColumn('users', 'age', { type: 'int', using: 'age::integer', collation: null });
  pgm.alterColumn('users', 'email', { allowNull: true, notNull: true });
  pgm.alterColumn('users', 'email', { collation: '"C"', using: 'x' });
};
