/* eslint-disable */
exports.up = (pgm) => {
  pgm.noTransaction();
  pgm.addTypeValue('feeling', 'content', { ifNotExists: true });
  pgm.createIndex('users', 'bio', { concurrently: true });
};

exports.down = (pgm) => {
  pgm.dropIndex('users', 'bio', { concurrently: true });
};
