/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('quirk', { cascade: 'text', ifExists: 'boolean' }, { ifExists: true });
};
