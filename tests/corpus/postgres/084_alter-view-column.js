/* eslint-disable */
exports.up = (pgm) => {
  pgm.alterViewColumn('active_users', 'age', { default: 18 });
  pgm.alterViewColumn('active_users', 'email', { default: null });
  pgm.alterViewColumn('active_users', 'email', {});
};
