/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropTable('old1');
  pgm.dropTable('old2', { ifExists: true });
  pgm.dropTable({ schema: 'app', name: 'old3' }, { ifExists: true, cascade: true });
};
