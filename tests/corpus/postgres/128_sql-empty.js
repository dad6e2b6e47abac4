/* eslint-disable */
exports.up = (pgm) => {
  pgm.sql('');
};
