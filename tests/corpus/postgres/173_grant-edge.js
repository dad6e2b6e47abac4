/* eslint-disable */
exports.up = (pgm) => {
  pgm.grantRoles({ schema: 'x', name: 'r' }, ['a', { name: 'b' }]);
  pgm.grantOnTables({ privileges: ['SELECT'], tables: 'users', roles: 'PUBLIC', schema: 'app' });
};
