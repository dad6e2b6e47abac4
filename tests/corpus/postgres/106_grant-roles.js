/* eslint-disable */
exports.up = (pgm) => {
  pgm.grantRoles('reader', 'alice');
  pgm.grantRoles(['reader', 'writer'], ['bob', 'carol'], { withAdminOption: true, onlyAdminOption: true, cascade: true });
};
