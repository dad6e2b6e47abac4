/* eslint-disable */
exports.up = (pgm) => {
  pgm.renameTypeValue('feeling', 'ok', 'fine');
};
