/* eslint-disable */
exports.up = (pgm) => {
  pgm.createIndex('users', ['a', 'b'], { unique: true, name: 'explicit_unique' });
  pgm.createIndex('users', 'a', { unique: false });
};
