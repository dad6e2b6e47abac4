/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTrigger('orders', 'orders_check', {
    constraint: true,
    when: 'BEFORE',
    operation: 'INSERT',
    level: 'ROW',
    function: 'check_order',
    deferrable: true,
    deferred: true,
  });
  pgm.createTrigger('orders', 'orders_check2', {
    constraint: true,
    operation: 'UPDATE',
    level: 'ROW',
    function: 'check_order',
  });
};
