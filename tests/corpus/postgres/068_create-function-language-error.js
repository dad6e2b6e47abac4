/* eslint-disable */
exports.up = (pgm) => {
  pgm.createFunction('no_lang', [], { returns: 'void' }, 'SELECT 1');
};
