/* eslint-disable */
exports.up = (pgm) => {
  pgm.createView('active_users', {}, 'SELECT * FROM users WHERE age > 0');
  pgm.createView(
    { schema: 'app', name: 'user_names' },
    {
      replace: true,
      temporary: true,
      recursive: true,
      columns: ['id', 'name'],
      options: { security_barrier: true, check_option: 'LOCAL' },
      checkOption: 'CASCADED',
      ifExists: true,
      cascade: true,
    },
    'SELECT id, full_name FROM users;'
  );
  pgm.createView('one_col', { columns: 'id' }, 'SELECT id FROM users');
};
