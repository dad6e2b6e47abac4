/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropCast('text', 'mood');
  pgm.dropCast('mood', 'text', { ifExists: true });
};
