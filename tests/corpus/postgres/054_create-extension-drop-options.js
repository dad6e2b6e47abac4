/* eslint-disable */
exports.up = (pgm) => {
  pgm.createExtension(['pg_trgm', 'btree_gist'], { ifNotExists: true, cascade: true, ifExists: true });
};
