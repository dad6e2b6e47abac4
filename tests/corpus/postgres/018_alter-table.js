/* eslint-disable */
exports.up = (pgm) => {
  pgm.alterTable('users', { levelSecurity: 'ENABLE', unlogged: true });
  pgm.alterTable('users', { levelSecurity: 'FORCE' });
  pgm.alterTable('users', { unlogged: false });
};

exports.down = (pgm) => {
  pgm.alterTable('users', { levelSecurity: 'NO FORCE', unlogged: false });
};
