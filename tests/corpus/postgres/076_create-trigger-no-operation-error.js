/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTrigger('users', 't2', { when: 'AFTER', function: 'f' });
};
