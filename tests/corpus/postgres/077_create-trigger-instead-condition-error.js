/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTrigger('users_view', 't3', { when: 'instead  of', operation: 'UPDATE', function: 'f', condition: 'true' });
};
