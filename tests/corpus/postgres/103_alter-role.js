/* eslint-disable */
exports.up = (pgm) => {
  pgm.alterRole('admin', { login: false, limit: -1, valid: 'infinity' });
  pgm.alterRole('admin', {});
  pgm.alterRole('reader', { password: null, createdb: false });
};
