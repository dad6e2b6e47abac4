/* eslint-disable */
exports.up = (pgm) => {
  pgm.renameView('active_users', 'live_users');
};
