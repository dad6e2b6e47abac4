/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropTypeAttribute('address', 'zip');
  pgm.dropTypeAttribute('address', 'country', { ifExists: true });
};
