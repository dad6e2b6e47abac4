/* eslint-disable */
exports.up = (pgm) => {
  pgm.revokeRoles('reader', 'alice');
  pgm.revokeRoles(['reader', 'writer'], 'bob', { onlyAdminOption: true, cascade: true });
};
