/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTrigger('users', 'users_audit', {
    when: 'AFTER',
    operation: ['INSERT', 'UPDATE OF email', 'DELETE'],
    level: 'ROW',
    function: 'audit_fn',
    condition: 'NEW.email IS DISTINCT FROM OLD.email',
    functionParams: ['users', 7, true, null],
  });
  pgm.createTrigger({ schema: 'app', name: 'items' }, 'items_trunc', {
    when: 'BEFORE',
    operation: 'TRUNCATE',
    function: { schema: 'app', name: 'on_trunc' },
  });
};
