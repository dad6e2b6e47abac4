/* eslint-disable */
exports.up = (pgm) => {
  pgm.addColumns('users', {
    bio: { type: 'text', comment: 'about me' },
    age: { type: 'int', notNull: true, default: 0, check: 'age >= 0' },
  });
  pgm.addColumn('users', { nickname: 'string' }, { ifNotExists: true });
};
