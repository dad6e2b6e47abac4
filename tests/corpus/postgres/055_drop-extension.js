/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropExtension('citext');
  pgm.dropExtension(['uuid-ossp', 'pgcrypto'], { ifExists: true, cascade: true });
};
