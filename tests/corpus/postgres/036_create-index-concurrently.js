/* eslint-disable */
exports.up = (pgm) => {
  pgm.noTransaction();
  pgm.createIndex('users', 'full_name', { concurrently: true });
  pgm.createIndex('users', ['age', 'email'], { concurrently: true, unique: true, ifNotExists: true });
};
