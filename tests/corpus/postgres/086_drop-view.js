/* eslint-disable */
exports.up = (pgm) => {
  pgm.dropView('live_users', { ifExists: true, cascade: true });
  pgm.dropView({ schema: 'app', name: 'user_names' });
};
