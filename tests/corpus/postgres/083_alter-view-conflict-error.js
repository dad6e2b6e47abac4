/* eslint-disable */
exports.up = (pgm) => {
  pgm.alterView('active_users', { checkOption: 'LOCAL', options: { check_option: 'CASCADED' } });
};
