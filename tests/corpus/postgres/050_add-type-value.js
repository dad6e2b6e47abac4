/* eslint-disable */
exports.up = (pgm) => {
  pgm.noTransaction();
  pgm.addTypeValue('feeling', 'meh');
  pgm.addTypeValue('feeling', 'great', { after: 'happy' });
  pgm.addTypeValue('feeling', 'awful', { before: 'sad', ifNotExists: true });
};
