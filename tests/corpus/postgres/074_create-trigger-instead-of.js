/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTrigger('users_view', 'users_view_ins', {
    when: 'INSTEAD OF',
    operation: 'INSERT',
    function: 'users_view_insert',
  });
};
