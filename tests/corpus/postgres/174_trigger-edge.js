/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTrigger('users', 'users_stmt', { when: 'AFTER', operation: 'DELETE', function: 'f', functionParams: ['a', 1.5] });
  pgm.createTrigger('users', 'users_when', { when: 'BEFORE', operation: ['INSERT', 'UPDATE'], level: 'ROW', function: 'g', condition: 'NEW.x > 0' }, '');
};
