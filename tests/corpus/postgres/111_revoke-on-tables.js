/* eslint-disable */
exports.up = (pgm) => {
  pgm.revokeOnTables({ privileges: 'SELECT', tables: 'users', roles: 'alice' });
  pgm.revokeOnTables({ privileges: 'ALL', tables: 'ALL', schema: 'app', roles: ['admin', 'PUBLIC'], onlyGrantOption: true, cascade: true });
};
