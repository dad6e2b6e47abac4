/* eslint-disable */
exports.up = (pgm) => {
  pgm.createIndex('users', 'lower(email)');
  pgm.createIndex('events', "body->>'kind'");
  pgm.createIndex('events', 'a + b');
  pgm.createIndex('events', 'status = true');
  pgm.createIndex('users', pgm.func('lower(full_name)'), { name: 'users_lower_name' });
  pgm.createIndex('users', [{ name: 'email', opclass: 'text_pattern_ops', sort: 'DESC' }, { name: 'age', sort: 'ASC' }]);
  pgm.createIndex('users', [{ name: 'lower(email)', sort: 'DESC' }], { name: 'users_lower_desc' });
  pgm.createIndex('users', 'with space');
  pgm.createIndex('users', 'public.dotted');
  pgm.createIndex('users', { name: 'email', opclass: { schema: 'public', name: 'text_ops' } });
};
