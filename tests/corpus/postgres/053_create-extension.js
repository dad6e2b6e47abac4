/* eslint-disable */
exports.up = (pgm) => {
  pgm.createExtension('citext');
  pgm.createExtension(['uuid-ossp', 'pgcrypto'], { ifNotExists: true, schema: 'public' });
  pgm.addExtension('hstore', { ifNotExists: true });
};
