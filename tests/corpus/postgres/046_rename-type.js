/* eslint-disable */
exports.up = (pgm) => {
  pgm.renameType('mood', 'feeling');
};
