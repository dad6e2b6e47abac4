/* eslint-disable */
exports.up = (pgm) => {
  pgm.alterView('active_users', { options: { security_barrier: true, fillfactor: 70, check_option: null } });
  pgm.alterView('active_users', { checkOption: 'LOCAL' });
  pgm.alterView('active_users', { options: { security_barrier: null } });
};
