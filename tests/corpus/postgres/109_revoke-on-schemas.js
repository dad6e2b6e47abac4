/* eslint-disable */
exports.up = (pgm) => {
  pgm.revokeOnSchemas({ privileges: 'ALL', schemas: 'app', roles: 'alice', onlyGrantOption: true, cascade: true });
};
