/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTrigger('users', 't4', { when: 'AFTER', operation: 'INSERT' });
};
