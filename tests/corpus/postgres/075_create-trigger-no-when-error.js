/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTrigger('users', 't1', { operation: 'INSERT', function: 'f' });
};
