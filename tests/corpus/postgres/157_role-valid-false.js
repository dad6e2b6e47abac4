/* eslint-disable */
exports.up = (pgm) => {
  pgm.createRole('temp_role', { valid: false, login: 'yes', limit: 0 });
};
