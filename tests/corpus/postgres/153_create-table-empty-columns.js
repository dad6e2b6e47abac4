/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('empty_cols', {});
};
