/* eslint-disable */
exports.up = (pgm) => {
  pgm.grantOnTables({ privileges: ['SELECT', 'INSERT'], tables: ['users', { schema: 'app', name: 'items' }], roles: ['alice', 'PUBLIC'] });
  pgm.grantOnTables({ privileges: 'ALL', tables: 'ALL', schema: 'app', roles: 'admin', withGrantOption: true });
};
