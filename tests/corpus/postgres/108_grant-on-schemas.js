/* eslint-disable */
exports.up = (pgm) => {
  pgm.grantOnSchemas({ privileges: 'USAGE', schemas: 'app', roles: 'PUBLIC' });
  pgm.grantOnSchemas({ privileges: ['USAGE', 'CREATE'], schemas: ['app', 'reports'], roles: ['alice', 'PUBLIC'], withGrantOption: true });
};
