/* eslint-disable */
exports.up = (pgm) => {
  pgm.addConstraint('users', 'users_age_positive', 'CHECK (age > 0)');
  pgm.addConstraint('users', null, 'UNIQUE (email)');
};
