/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('cn', { a: { type: 'text', comment: null }, b: { type: 'text', comment: '' } }, { comment: null });
};
