/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropType('mood');
  pgm.dropType({ schema: 'app', name: 'quote_kind' }, { ifExists: true, cascade: true });
};
