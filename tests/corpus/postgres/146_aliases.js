/* eslint-disable */
exports.up = (pgm) => {
  pgm.addColumn('users', { alias_col: 'text' });
  pgm.dropColumn('users', 'alias_col');
  pgm.createConstraint('users', 'users_alias', { check: 'true' });
  pgm.addIndex('users', 'alias_col');
  pgm.addType('alias_type', ['x']);
  pgm.addExtension('alias_ext');
};

exports.down = (pgm) => {
  pgm.dropIndex('users', 'alias_col');
};
