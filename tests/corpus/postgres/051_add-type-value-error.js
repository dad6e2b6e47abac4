/* eslint-disable */
exports.up = (pgm) => {
  pgm.addTypeValue('feeling', 'x', { before: 'sad', after: 'ok' });
};
