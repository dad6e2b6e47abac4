/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropColumns('users', 'bio');
  pgm.dropColumns('users', ['age', 'nickname'], { ifExists: true });
  pgm.dropColumns('users', { flag: 'boolean', note: 'text' }, { cascade: true });
  pgm.dropColumn({ schema: 'app', name: 'items' }, 'label', { ifExists: true, cascade: true });
};
